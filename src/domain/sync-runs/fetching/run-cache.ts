// What a browser may keep of a window's runs between visits, and how a later visit uses it: only
// finished runs (a finished run never changes), and only the stretch of time in which every run
// had finished when it was read. A later window shows those at once and asks the API only for the
// rest: the newer part, an older part the record does not reach, and the edges where a run without
// a start time cannot be placed. Pure: the record is data; reading and writing it is I/O elsewhere.
import type { SyncRun } from '@/lib/api/schemas';
import { runStartMs } from '@/domain/sync-runs/model/run-times';
import { MAX_WINDOW_MS, type RunWindowMs } from '@/domain/sync-runs/model/window';

/**
 * A run's place in the API's order (newest first by start): a run without a start time lies
 * somewhere between the starts of its older and newer neighbours, as the API listed it.
 */
export type CachedRun = { run: SyncRun; lo: number; hi: number };

export type RunCacheRecord = {
  /** Every finished run that started in [since, until), each with its place. */
  since: number;
  until: number;
  runs: CachedRun[];
  /** When these runs were read from the API. */
  savedAt: number;
};

export const RUN_CACHE_MAX_AGE_MS = MAX_WINDOW_MS;

/** Places each run of a complete, API-ordered (newest first) list in time. */
function placed(runs: readonly SyncRun[], window: RunWindowMs): CachedRun[] {
  const starts = runs.map((run) => runStartMs(run));
  const out: CachedRun[] = [];
  let newer = window.until;
  const olderOf: number[] = new Array<number>(runs.length);
  let older = window.since;
  for (let i = runs.length - 1; i >= 0; i -= 1) {
    olderOf[i] = older;
    const start = starts[i];
    if (start !== null && start !== undefined) older = start;
  }
  runs.forEach((run, i) => {
    const start = starts[i];
    if (start !== null && start !== undefined) {
      out.push({ run, lo: start, hi: start });
      newer = start;
    } else out.push({ run, lo: olderOf[i] as number, hi: newer });
  });
  return out;
}

/**
 * The record to keep after reading every run of `window` (newest first, in the API's order): it
 * ends where the first run still RUNNING started, or at the newest start (a run starting at the
 * same moment may still be on its way), so what it holds can no longer change.
 */
export function recordOf(
  runs: readonly SyncRun[],
  window: RunWindowMs,
  savedAt: number,
): RunCacheRecord {
  const all = placed(runs, window);
  let until = window.until;
  let newest: number | null = null;
  for (const { run, lo } of all) {
    const start = runStartMs(run);
    if (start !== null && (newest === null || start > newest)) newest = start;
    if (run.status === 'RUNNING') until = Math.min(until, lo);
  }
  if (newest !== null) until = Math.min(until, newest);
  else until = window.since;
  // A run without a start time placed across the end cannot be told to be before it: end earlier.
  for (let changed = true; changed;) {
    changed = false;
    for (const { lo, hi } of all)
      if (lo < until && hi >= until) {
        until = lo;
        changed = true;
      }
  }
  return {
    since: window.since,
    until,
    runs: all.filter(({ run, hi }) => run.status !== 'RUNNING' && hi < until),
    savedAt,
  };
}

/**
 * Whether a record over `older`'s range adds anything to `newer`: runs older than it reaches,
 * joining it, and not past the 30 days, by more than the minute a window's edges are rounded to.
 * When not, saving `newer` need not read (and decrypt) `older` at all.
 */
export function extendsRecord(
  older: Pick<RunCacheRecord, 'since' | 'until'>,
  newer: Pick<RunCacheRecord, 'since'>,
  now: number,
): boolean {
  return (
    older.since < newer.since &&
    older.until >= newer.since &&
    Math.max(older.since, now - RUN_CACHE_MAX_AGE_MS) < newer.since - 60_000
  );
}

/**
 * An older record still useful beside a newer one (the newer read a shorter window): the older
 * runs before the newer record's start are kept, so a 24-hour view does not forget 30 days.
 */
export function combineRecords(
  older: RunCacheRecord | null,
  newer: RunCacheRecord,
  now: number,
): RunCacheRecord {
  let record = newer;
  if (older && extendsRecord(older, newer, now)) {
    record = {
      ...newer,
      since: older.since,
      runs: [...newer.runs, ...older.runs.filter((entry) => entry.hi < newer.since)],
    };
  }
  return trimRecord(record, now);
}

/**
 * At most `max` runs, the newest: the record then starts after every run it dropped, so it never
 * claims a stretch of time whose runs it no longer holds.
 */
export function boundRecord(record: RunCacheRecord, max: number): RunCacheRecord {
  if (record.runs.length <= max) return record;
  const since = record.runs
    .slice(max)
    .reduce((at, entry) => Math.max(at, entry.hi + 1), record.since);
  return { ...record, since, runs: record.runs.slice(0, max).filter((entry) => entry.lo >= since) };
}

/** Drops what is past the API's 30 days (the record's own limit too). */
export function trimRecord(record: RunCacheRecord, now: number): RunCacheRecord {
  const oldest = now - RUN_CACHE_MAX_AGE_MS;
  if (record.since >= oldest) return record;
  return { ...record, since: oldest, runs: record.runs.filter((entry) => entry.lo >= oldest) };
}

export type CachePlan = {
  /** The kept runs the window shows at once, newest first. */
  runs: SyncRun[];
  /** What is left to ask the API for, newest first; together with `runs`, exactly the window. */
  ranges: RunWindowMs[];
  /** When the shown runs were read. */
  asOf: number;
};

/**
 * How a window is shown from a record: the kept runs that certainly belong to it, and the ranges
 * to fetch. A run without a start time whose place straddles a range's edge is left to the API:
 * the range grows to cover it, so nothing is shown twice or lost.
 */
export function planFromRecord(
  record: RunCacheRecord | null,
  window: RunWindowMs,
  now: number,
): CachePlan | null {
  if (!record || now - record.savedAt > RUN_CACHE_MAX_AGE_MS) return null;
  let from = Math.max(window.since, record.since);
  let to = Math.min(window.until, record.until);
  if (to <= from) return null;
  // Grow the fetched ranges over runs whose place crosses the kept stretch's edges.
  for (let changed = true; changed;) {
    changed = false;
    for (const { lo, hi } of record.runs) {
      if (lo < to && hi >= to && lo >= from) {
        to = lo;
        changed = true;
      }
      if (lo < from && hi >= from) {
        from = Math.max(from, hi + 1);
        changed = true;
      }
    }
    if (to <= from) return null;
  }
  const runs = record.runs.filter(({ lo, hi }) => lo >= from && hi < to).map(({ run }) => run);
  const ranges: RunWindowMs[] = [];
  if (to < window.until) ranges.push({ since: to, until: window.until });
  if (from > window.since) ranges.push({ since: window.since, until: from });
  return { runs, ranges, asOf: record.savedAt };
}
