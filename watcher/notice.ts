// What the watcher tells people: one change of state of one integration (or a digest of several),
// said in the dashboard's own sentences, with a link that opens the dashboard at the runs behind it.
import { sanitiseUntrustedText } from '../src/lib/format/untrusted-text.ts';
import { safeLink } from './links.ts';

export type NoticeKind =
  | 'health-changed'
  | 'health-recovered'
  | 'signature-opened'
  | 'signature-resolved'
  | 'anomaly-opened'
  | 'anomaly-cleared'
  | 'digest'
  | 'test';

export type NoticeSeverity = 'problem' | 'recovery' | 'info';

export type Notice = {
  /** Unique per change: the same change never makes a second notice (also across restarts). */
  key: string;
  kind: NoticeKind;
  severity: NoticeSeverity;
  /** The integration's slug ("halopsa"); null only for a digest over several integrations. */
  integration: string | null;
  /** Its display name ("HaloPSA"). */
  integrationName: string | null;
  /** The activity it concerns, if any ("PSA Contacts"). */
  activity: string | null;
  /** One line: "HaloPSA is failing". Plain text (never HTML). */
  title: string;
  /** The model's sentence(s), plain text: what changed and since when. */
  text: string;
  /** ISO-8601: since when the state holds; null if not known. */
  since: string | null;
  /** Opens the dashboard at exactly the runs that explain it (window pinned, run/failure selected). */
  link: string;
  /** ISO-8601: when the watcher noticed. */
  createdAt: string;
  /** For a digest: the changes it stands for (each a notice of its own, not sent on its own). */
  items: Notice[];
};

/**
 * A notice as it may be stored, sent or shown: every piece of text from the API (titles and
 * sentences quote activity and resource labels and error messages) passed through the shared
 * sanitiser (credentials redacted, control and escape characters removed, URLs defanged), also in
 * a digest's items, and `secrets` (the watcher's API key) removed whatever their shape. The link is
 * the dashboard link the watcher built, kept only while it is an http(s) URL. Idempotent.
 */
export function sanitiseNotice(notice: Notice, secrets: readonly string[] = []): Notice {
  const clean = (text: string) => sanitiseUntrustedText(text, { secrets });
  const cleanOrNull = (text: string | null) => (text === null ? null : clean(text));
  return {
    ...notice,
    title: clean(notice.title),
    text: clean(notice.text),
    integrationName: cleanOrNull(notice.integrationName),
    activity: cleanOrNull(notice.activity),
    since: cleanOrNull(notice.since),
    link: safeLink(notice.link) ?? '',
    items: notice.items.map((item) => sanitiseNotice(item, secrets)),
  };
}
