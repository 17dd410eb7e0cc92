import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordOf, type RunCacheRecord } from '@/domain/sync-runs/fetching/run-cache';
import type { SliceCursor } from '@/domain/sync-runs/fetching/rounds';
import type { RunCache } from '@/features/sync-runs/cache/run-cache-store';
import type { SyncRunsPage } from '@/lib/api/sync-runs';
import { makePage, makeRun } from '@/test/fixtures';
import { createEarlyPages, KEPT_GRACE_MS, keptRound } from './kept-round';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-28T12:00:00Z');
const WINDOW = {
  since: new Date(NOW - 24 * HOUR).toISOString(),
  until: new Date(NOW).toISOString(),
};

/** Ten finished runs an hour apart, kept an hour ago (the newest is read again: 9 are kept). */
function keptRecord(): RunCacheRecord {
  const runs = Array.from({ length: 10 }, (_, i) =>
    makeRun({
      run_id: `kept-${i}`,
      started_at: new Date(NOW - (i + 2) * HOUR).toISOString(),
      finished_at: new Date(NOW - (i + 2) * HOUR + 60_000).toISOString(),
    }),
  );
  return recordOf(runs, { since: NOW - 24 * HOUR, until: NOW - HOUR }, NOW - HOUR);
}

const cacheOf = (
  record: RunCacheRecord,
  decrypted: Promise<unknown> = Promise.resolve(),
): RunCache => ({
  open: async () => ({
    since: record.since,
    until: record.until,
    savedAt: record.savedAt,
    record: decrypted.then(() => record),
  }),
  load: async () => record,
  save: async () => undefined,
});

/** The first round of HaloPSA's WINDOW (pages of 200, 6 slices) from `cache`, asking `fetchPage`. */
const keptRoundOf = (cache: RunCache, fetchPage: Parameters<typeof keptRound>[6]) =>
  keptRound(cache, createEarlyPages(), 'halopsa', WINDOW, 200, 6, fetchPage);

describe('the first round from kept runs', () => {
  afterEach(() => vi.useRealTimers());

  it('draws what is new together with the kept runs when it answers in time', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const asked: SliceCursor[] = [];
    const round = await keptRoundOf(cacheOf(keptRecord()), async (e) => {
      asked.push(e);
      return makePage(['new-1', 'kept-0'], null);
    });
    expect(asked).toHaveLength(1);
    expect(round?.bySlice.flatMap((s) => s.runs.map((r) => r.run_id))).toEqual([
      'new-1',
      ...Array.from({ length: 10 }, (_, i) => `kept-${i}`),
    ]);
    // Read from the API: not marked "as of", and kept again once complete.
    expect(round?.keptAsOf).toBeUndefined();
    expect(round?.next).toEqual([]);
  });

  it('shows the kept runs "as of" their time when what is new is slow, and asks for it once', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    let answer: (page: SyncRunsPage) => void = () => undefined;
    const fetchPage = vi.fn(() => new Promise<SyncRunsPage>((resolve) => (answer = resolve)));
    const pending = keptRoundOf(cacheOf(keptRecord()), fetchPage);
    await vi.advanceTimersByTimeAsync(KEPT_GRACE_MS);
    const round = await pending;
    expect(round?.keptAsOf).toBe(NOW - HOUR);
    expect(round?.bySlice.flatMap((s) => s.runs)).toHaveLength(9);
    // The newest stretch is still to be read, by the next round, from the request already made.
    expect(round?.next.map((e) => e.index)).toContain(0);
    answer(makePage(['new-1'], null));
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('asks for what is new before the kept record is decrypted, and only once', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    let decrypt: () => void = () => undefined;
    const decrypted = new Promise<void>((resolve) => (decrypt = resolve));
    const asked: SliceCursor[] = [];
    const pending = keptRoundOf(cacheOf(keptRecord(), decrypted), async (e) => {
      asked.push(e);
      return makePage(['new-1', 'kept-0'], null);
    });
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    // From the range kept beside the record: after its newest finished run, up to the window's end.
    expect(asked[0]).toMatchObject({
      index: 0,
      since: new Date(NOW - 2 * HOUR).toISOString(),
      until: WINDOW.until,
    });
    decrypt();
    const round = await pending;
    expect(asked).toHaveLength(1);
    expect(round?.bySlice.flatMap((s) => s.runs)).toHaveLength(11);
  });

  it('shows nothing kept, and asks nothing, when no kept entry is found', async () => {
    const fetchPage = vi.fn(async () => makePage(['new-1'], null));
    const none: RunCache = {
      open: async () => null,
      load: async () => null,
      save: async () => undefined,
    };
    expect(await keptRoundOf(none, fetchPage)).toBeNull();
    expect(fetchPage).not.toHaveBeenCalled();
  });
});
