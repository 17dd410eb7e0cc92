// Text from the API is untrusted: sanitised first (sanitiseNotice: credentials redacted, control
// characters removed, URLs defanged), then escaped here for each channel's markup; the only link a
// notice carries is its dashboard link, and only when it is an http(s) URL.
import type { Notice } from '../notice.ts';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Slack mrkdwn: &, < and > are its only control characters (links are <url|text>). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Adaptive Cards render a Markdown subset: backslash-escape what could make a link or emphasis. */
export function escapeCardMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]()#+\-!>|~])/g, '\\$1');
}

export { safeLink } from '../links.ts';

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const MAX_DIGEST_ITEMS = 20;

/** The lines of a digest: at most 20, then "and N more". */
export function digestLines(notice: Notice): string[] {
  const shown = notice.items.slice(0, MAX_DIGEST_ITEMS).map((n) => `${n.title}: ${n.text}`);
  const more = notice.items.length - shown.length;
  return more > 0 ? [...shown, `and ${more} more`] : shown;
}

export function facts(notice: Notice): [string, string][] {
  const list: [string, string][] = [];
  if (notice.integrationName) list.push(['Integration', notice.integrationName]);
  if (notice.activity) list.push(['Activity', notice.activity]);
  if (notice.since) list.push(['Since', `${notice.since.replace('T', ' ').slice(0, 16)} UTC`]);
  return list;
}
