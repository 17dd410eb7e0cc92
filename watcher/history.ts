// `--history`: recent notices as lines for a terminal. The rows come from the store or from a running
// watcher's /notices (possibly an older version), so every text is sanitised again here: no escape
// sequence, control character, credential or clickable URL from the API reaches the terminal. The
// one link printed is the notice's dashboard link, and only when it is an http(s) URL.
import { sanitiseUntrustedText } from '../src/lib/format/untrusted-text.ts';
import { safeLink } from './links.ts';

const text = (value: unknown) => (typeof value === 'string' ? sanitiseUntrustedText(value) : '');
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

function deliveryLine(deliveries: unknown): string {
  if (!Array.isArray(deliveries)) return '';
  return deliveries
    .map(record)
    .map((d) => {
      const attempts = typeof d.attempts === 'number' ? d.attempts : 0;
      const outcome =
        d.ok !== true ? `failed(${attempts})` : d.error === 'muted' ? 'muted' : 'sent';
      return `${text(d.channel)}:${outcome}`;
    })
    .join(' ');
}

/** The history as printed: three lines per notice, newest first. */
export function formatHistory(history: unknown): string {
  if (!Array.isArray(history)) return '';
  return history
    .map(record)
    .map((entry) => {
      const notice = record(entry.notice);
      const link = typeof notice.link === 'string' ? (safeLink(notice.link) ?? '') : '';
      const sent = deliveryLine(entry.deliveries) || 'not sent';
      return `${text(notice.createdAt)}  ${text(notice.title)}  [${sent}]\n    ${text(notice.text)}\n    ${link}`;
    })
    .join('\n');
}
