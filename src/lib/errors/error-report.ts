// What a deployment receives about a client-side error: enough to find the bug, nothing personal.
// No tokens, no user names or emails, no query strings (they can carry search text), no API data:
// the message and every stack line go through `scrub`, which ends with the app's one credential
// rule set (redactCredentials).
import { redactCredentials } from '@/lib/format/redact-credentials';

export type ErrorReport = {
  name: string;
  message: string;
  /** Where in the app it happened (a panel's name, or "window" for uncaught errors). */
  where: string;
  /** The route without query or fragment, e.g. /integrations/halopsa. */
  path: string;
  /** At most 20 stack lines, scrubbed as the message is (script URLs without query or fragment). */
  stack: string[];
  appVersion: string;
  time: string;
};

const MAX_MESSAGE = 500;
const MAX_STACK_LINES = 20;

// A URL (absolute, or a path that starts outside a word) with a query or fragment: both can carry
// search text or tokens. The query ends at white space or a quote, or before the `:line:column` of a
// stack frame; it may run through a closing bracket (better too much gone than a token left).
const URL_QUERY =
  /((?:\b[a-z][a-z\d+.-]*:\/\/|(?<![\w/.])\/)[^\s?#"'`<>()]*)[?#][^\s"'`<>]*?(?=(?::\d+){1,2}\)?(?:[\s"'`<>]|$)|[\s"'`<>]|$)/gi;

const UUID = /\b[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}\b/gi;
// Runs of the base64url alphabet (hex included) of 32+ characters.
const LONG_B64URL = /(?<![\w-])[\w-]{32,}={0,2}(?![\w-])/g;
// Runs of 20+ letters and digits (ULIDs, object ids, ...).
const LONG_ALNUM = /(?<![a-z\d])[a-z\d]{20,}(?![a-z\d])/gi;

/** Opaque, not a readable name: has a digit, or mixes upper and lower case. */
const opaque = (s: string) => /\d/.test(s) || (/[a-z]/.test(s) && /[A-Z]/.test(s));

/**
 * Query strings and fragments of URLs are cut; bearer tokens (whatever follows "Bearer"), JWTs, API
 * keys, email addresses, long opaque tokens (32+ base64url or hex characters) and long opaque ids
 * (UUIDs, and 20+ letters and digits mixed, such as ULIDs) become placeholders. "Opaque" means it has
 * a digit or mixes case: readable names in messages and stacks stay, for finding the bug. Then every
 * credential the app's one rule set knows (a `password=` pair, a cookie or API-key header, a Basic
 * login, a Slack or AWS key, a URL's user info, an encoded one) is redacted as everywhere else.
 */
export function scrub(text: string): string {
  const scrubbed = text
    .replace(URL_QUERY, '$1')
    .replace(/Bearer\s+\S+/gi, 'Bearer [token]')
    .replace(/eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, '[jwt]')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
    .replace(/neo_sk_[\w-]+/g, '[api-key]')
    .replace(UUID, '[id]')
    .replace(LONG_B64URL, (m) => (opaque(m) ? '[token]' : m))
    .replace(LONG_ALNUM, (m) => (/\d/.test(m) && /[a-z]/i.test(m) ? '[id]' : m));
  return redactCredentials(scrubbed);
}

// Scrubbing is linear for ordinary text but not for every huge one: only a bounded start is scrubbed.
const SCRUB_FACTOR = 4;
// How far back from that bound a cut word is dropped: a token, id or email cut in two would no longer
// be recognised, so its start would be reported. A longer run is itself recognised as a token.
const CUT_WORD = 256;

/** Text scrubbed and cut to `max` characters; a huge text must not freeze the page. */
function clean(text: string, max: number): string {
  let bounded = text;
  if (text.length > max * SCRUB_FACTOR) {
    let end = max * SCRUB_FACTOR;
    const stop = end - CUT_WORD;
    while (end > stop && /[\w.+-]/.test(text.charAt(end - 1))) end -= 1;
    bounded = text.slice(0, end);
  }
  return scrub(bounded).slice(0, max);
}

export function buildErrorReport(
  error: unknown,
  where: string,
  context: { pathname: string; appVersion: string; now?: Date },
): ErrorReport {
  const err = error instanceof Error ? error : new Error(String(error));
  return {
    name: clean(err.name, 100),
    message: clean(err.message, MAX_MESSAGE),
    where: where.slice(0, 100),
    path: context.pathname.split(/[?#]/)[0] ?? '/',
    stack: (err.stack ?? '')
      .split('\n')
      .slice(0, MAX_STACK_LINES)
      .map((line) => clean(line, 300)),
    appVersion: context.appVersion,
    time: (context.now ?? new Date()).toISOString(),
  };
}
