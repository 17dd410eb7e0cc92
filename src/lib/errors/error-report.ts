// What a deployment receives about a client-side error: enough to find the bug, nothing personal.
// No tokens, no user names or emails, no query strings (they can carry search text), no API data.

export type ErrorReport = {
  name: string;
  message: string;
  /** Where in the app it happened (a panel's name, or "window" for uncaught errors). */
  where: string;
  /** The route without query or fragment, e.g. /integrations/halopsa. */
  path: string;
  /** At most 20 stack lines, script URLs without query or fragment. */
  stack: string[];
  appVersion: string;
  time: string;
};

const MAX_MESSAGE = 500;
const MAX_STACK_LINES = 20;

/** Bearer tokens, JWTs, email addresses and long opaque ids become placeholders. */
export function scrub(text: string): string {
  return text
    .replace(/Bearer\s+[\w.~+/=-]+/gi, 'Bearer [token]')
    .replace(/eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, '[jwt]')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
    .replace(/neo_sk_\w+/g, '[api-key]');
}

function withoutQuery(text: string): string {
  return text.replace(/(https?:\/\/[^\s?#)]+)[?#][^\s):]*/g, '$1');
}

export function buildErrorReport(
  error: unknown,
  where: string,
  context: { pathname: string; appVersion: string; now?: Date },
): ErrorReport {
  const err = error instanceof Error ? error : new Error(String(error));
  return {
    name: scrub(err.name).slice(0, 100),
    message: scrub(err.message).slice(0, MAX_MESSAGE),
    where: where.slice(0, 100),
    path: context.pathname.split(/[?#]/)[0] ?? '/',
    stack: (err.stack ?? '')
      .split('\n')
      .slice(0, MAX_STACK_LINES)
      .map((line) => scrub(withoutQuery(line)).slice(0, 300)),
    appVersion: context.appVersion,
    time: (context.now ?? new Date()).toISOString(),
  };
}
