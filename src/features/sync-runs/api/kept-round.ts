// A window's first round from the runs kept in this browser: them at once, and a frontier over
// what they do not cover, whose newest page is asked for while the kept runs are drawn.
import {
  initialFrontier,
  runRound,
  type RoundPage,
  type SliceCursor,
} from '@/domain/sync-runs/fetching/rounds';
import { planFromRecord } from '@/domain/sync-runs/fetching/run-cache';
import { sliceCount, splitWindow } from '@/domain/sync-runs/fetching/slices';
import { windowMs, type RunWindow, type RunWindowMs } from '@/domain/sync-runs/model/window';
import type { RunCache } from '@/features/sync-runs/cache/run-cache-store';
import type { SyncRunsPage } from '@/lib/api/sync-runs';

/** Slice numbers of a window shown from kept runs: the newer part, the kept runs, the older part. */
const KEPT_SLICE = 1000;
const OLDER_SLICE = 2000;

/**
 * What is new usually answers within moments of the kept runs being read: waited for this long, it
 * is drawn with them in one go, instead of the kept runs alone and then everything again.
 */
export const KEPT_GRACE_MS = 300;

function rangeSlices(range: RunWindowMs, offset: number, maxSlices: number) {
  const window = {
    since: new Date(range.since).toISOString(),
    until: new Date(range.until).toISOString(),
  };
  return splitWindow(window, sliceCount(range.until - range.since, maxSlices)).map((slice) => ({
    ...slice,
    index: slice.index + offset,
  }));
}

/** The newest stretch the API is asked for, of a newer range split as its slices are. */
function newestOf(range: RunWindowMs, pageSize: number, maxSlices: number) {
  return initialFrontier(rangeSlices(range, 0, maxSlices), pageSize).find((e) => e.index === 0);
}

/**
 * The first round from kept runs: them at once, and a frontier over what they do not cover. What is
 * new is asked for as soon as the kept entry is found, from the range stored in the clear beside it,
 * while the record is decrypted; a plan that needs a different range asks for that one instead.
 */
export async function keptRound(
  cache: RunCache,
  early: EarlyPages,
  name: string,
  window: RunWindow,
  pageSize: number,
  maxSlices: number,
  fetchPage: (entry: SliceCursor) => Promise<SyncRunsPage>,
): Promise<RoundPage | null> {
  const kept = await cache.open(name);
  if (!kept) return null;
  const span = windowMs(window);
  const guess =
    kept.until > span.since && kept.until < span.until
      ? newestOf({ since: kept.until, until: span.until }, pageSize, maxSlices)
      : undefined;
  const guessed = guess
    ? {
        key: pageKey(name, guess, pageSize),
        page: early.start(name, guess, pageSize, () => fetchPage(guess)),
      }
    : null;
  const plan = planFromRecord(await kept.record, span, Date.now());
  if (!plan) return null;
  const [newer, older] = [
    plan.ranges.find((r) => r.until === span.until),
    plan.ranges.find((r) => r.since === span.since),
  ];
  const slices = [
    ...(newer ? rangeSlices(newer, 0, maxSlices) : []),
    ...(older ? rangeSlices(older, OLDER_SLICE, maxSlices) : []),
  ];
  const next = initialFrontier(slices, pageSize);
  const keptSlice = { slice: KEPT_SLICE, runs: plan.runs };
  const newest = next.find((entry) => entry.index === 0);
  const newestPage = !newest
    ? null
    : guessed?.key === pageKey(name, newest, pageSize)
      ? guessed.page
      : early.start(name, newest, pageSize, () => fetchPage(newest));
  if (newest && newestPage && (await answersWithin(newestPage, KEPT_GRACE_MS))) {
    // In time: the kept runs and what is new, one round read from the API (so it is kept again).
    const fresh = await runRound(
      [newest],
      1,
      (entry) => early.take(name, entry, pageSize) ?? newestPage,
    );
    return {
      ...fresh,
      bySlice: [...fresh.bySlice, keptSlice],
      next: [...fresh.next, ...next.filter((entry) => entry !== newest)].sort(
        (a, b) => a.index - b.index,
      ),
    };
  }
  return {
    bySlice: [keptSlice],
    problems: [],
    warnings: [],
    requestIds: [],
    next,
    halts: [],
    keptAsOf: plan.asOf,
  };
}

/** Whether `page` answers (successfully) within `ms`; a failure is the next round's to report. */
function answersWithin(page: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const answered = page.then(
    () => true,
    () => false,
  );
  return Promise.race([answered, late]).finally(() => clearTimeout(timer));
}

const EARLY_PAGE_TTL_MS = 30_000;

const pageKey = (name: string, entry: SliceCursor, pageSize: number) =>
  `${name}|${entry.since}|${entry.until}|${entry.cursor ?? ''}|${pageSize}`;

/**
 * Pages asked for ahead of their round (a window's newest, while its kept runs are read), each
 * taken once by the round that needs it. One store per app, in its WindowReads.
 */
export type EarlyPages = {
  start(
    name: string,
    entry: SliceCursor,
    pageSize: number,
    fetch: () => Promise<SyncRunsPage>,
  ): Promise<SyncRunsPage>;
  /** The page asked for early, if it was; each is taken once. */
  take(name: string, entry: SliceCursor, pageSize: number): Promise<SyncRunsPage> | undefined;
};

export function createEarlyPages(): EarlyPages {
  const pages = new Map<string, Promise<SyncRunsPage>>();
  return {
    start(name, entry, pageSize, fetch) {
      const key = pageKey(name, entry, pageSize);
      const page = fetch();
      // A page nobody takes (the view was left) is dropped; its failure is the round's to report.
      page.catch(() => undefined);
      pages.set(key, page);
      setTimeout(() => {
        if (pages.get(key) === page) pages.delete(key);
      }, EARLY_PAGE_TTL_MS);
      return page;
    },
    take(name, entry, pageSize) {
      const key = pageKey(name, entry, pageSize);
      const page = pages.get(key);
      pages.delete(key);
      return page;
    },
  };
}
