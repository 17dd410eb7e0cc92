// Query parameters of the sync-runs list: window (since inclusive, until exclusive, ≤ 30 days),
// page size and cursor. A cursor pins its window, so every page of one listing reads the same runs.
import { DAY, toIso } from './clock.ts';
import { decodeCursor } from './cursor.ts';
import type { ApiProblem } from './envelope.ts';
import { parseIsoInstant } from './iso-time.ts';
import type { Keyset } from './run-feed.ts';

export const MAX_WINDOW_DAYS = 30;
export const MAX_WINDOW_MS = MAX_WINDOW_DAYS * DAY;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export type ListQuery = { since: number; until: number; pageSize: number; after: Keyset | null };

type Problem = ApiProblem & { status: 400 | 422 };

export type ParsedQuery = { ok: true; query: ListQuery } | { ok: false; problem: Problem };

const EXAMPLE = '2026-11-28T10:00:00Z';

function parseInstant(params: URLSearchParams, name: 'since' | 'until'): number | Problem | null {
  const raw = params.get(name);
  if (raw === null) return null;
  const ms = parseIsoInstant(raw);
  if (ms !== null) return ms;
  return {
    status: 400,
    code: 'invalid_parameter',
    message: `\`${name}\` is not an ISO-8601 date-time: use e.g. ${EXAMPLE} (a time needs a zone, Z or ±hh:mm).`,
    details: { parameter: name, received: raw, expected: 'ISO-8601 date-time with a time zone' },
  };
}

function parsePageSize(params: URLSearchParams): number | Problem | null {
  const raw = params.get('page_size');
  if (raw === null) return null;
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (n >= 1 && n <= MAX_PAGE_SIZE) return n;
  return {
    status: 422,
    code: 'validation_error',
    message: `\`page_size\` must be an integer from 1 to ${MAX_PAGE_SIZE}.`,
    details: { field: 'page_size', constraint: `integer 1–${MAX_PAGE_SIZE}`, received: raw },
  };
}

function checkWindow(since: number, until: number): Problem | null {
  const details = { since: toIso(since), until: toIso(until), max_days: MAX_WINDOW_DAYS };
  if (since > until)
    return {
      status: 400,
      code: 'invalid_window',
      message: `\`since\` (${details.since}) is after \`until\` (${details.until}).`,
      details,
    };
  if (until - since > MAX_WINDOW_MS)
    return {
      status: 400,
      code: 'invalid_window',
      message: `The window from \`since\` to \`until\` is ${((until - since) / DAY).toFixed(1)} days; the maximum is ${MAX_WINDOW_DAYS} days. Ask for older runs in several windows.`,
      details,
    };
  return null;
}

const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && 'code' in v;

/** Order of checks: cursor, since/until (400), window (400), page_size (422). */
export function parseListQuery(
  params: URLSearchParams,
  context: { name: string; now: number; secret: string },
): ParsedQuery {
  const fail = (problem: Problem): ParsedQuery => ({ ok: false, problem });
  const since = parseInstant(params, 'since');
  const until = parseInstant(params, 'until');
  const pageSize = parsePageSize(params);
  const rawCursor = params.get('cursor');

  // An empty `cursor=` is read as "first page", as clients that always send the parameter expect.
  if (rawCursor) {
    const decoded = decodeCursor(rawCursor, context.secret);
    const invalid = (reason: string, details: Record<string, unknown> = {}) =>
      fail({
        status: 400,
        code: 'invalid_cursor',
        message: `The cursor is not valid: ${reason}. Start again from the first page.`,
        details: { parameter: 'cursor', ...details },
      });
    if (!decoded.ok) return invalid(decoded.reason);
    const state = decoded.state;
    if (state.name !== context.name) return invalid('it belongs to another integration');
    if (
      checkWindow(state.since, state.until) ||
      state.pageSize < 1 ||
      state.pageSize > MAX_PAGE_SIZE
    )
      return invalid('it is malformed');
    for (const [name, value, pinned] of [
      ['since', since, state.since],
      ['until', until, state.until],
    ] as const) {
      if (isProblem(value)) return fail(value);
      if (value !== null && value !== pinned)
        return invalid(`\`${name}\` differs from the window the cursor was issued for`, {
          [`cursor_${name}`]: toIso(pinned),
        });
    }
    if (isProblem(pageSize)) return fail(pageSize);
    return {
      ok: true,
      query: {
        since: state.since,
        until: state.until,
        pageSize: pageSize ?? state.pageSize,
        after: state.after,
      },
    };
  }

  if (isProblem(since)) return fail(since);
  if (isProblem(until)) return fail(until);
  const end = until ?? context.now;
  const start = since ?? end - MAX_WINDOW_MS;
  const windowProblem = checkWindow(start, end);
  if (windowProblem) return fail(windowProblem);
  if (isProblem(pageSize)) return fail(pageSize);
  return {
    ok: true,
    query: { since: start, until: end, pageSize: pageSize ?? DEFAULT_PAGE_SIZE, after: null },
  };
}
