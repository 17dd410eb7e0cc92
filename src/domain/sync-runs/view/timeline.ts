// Chart geometry for the run timeline: single runs when the window is narrow enough, time buckets
// when runs are denser than the pixels (recharts costs ~0.7 ms per SVG mark on our machines).
import type { RunStatus, SyncRun } from '@/lib/api/schemas';
import { runFinishMs, runStartMs, startOrEarliest } from '@/domain/sync-runs/model/run-times';
import type { RunWindowMs } from '@/domain/sync-runs/model/window';

/** Top to bottom: the lane order of the chart, failures first so they catch the eye. */
export const LANES: readonly RunStatus[] = ['FAILURE', 'RUNNING', 'SKIPPED', 'SUCCESS'];

export const MAX_RUN_MARKS = 500;
const MIN_PX_PER_RUN = 3;
const BUCKET_PX = 8;

export type RunMark = {
  kind: 'run';
  run: SyncRun;
  status: RunStatus;
  start: number;
  /** Drawn end: finished_at, or now for a run still going. */
  end: number;
  /** In the highlighted set (a selected failure signature), or no highlight is active. */
  highlighted: boolean;
};

export type BucketMark = {
  kind: 'bucket';
  status: RunStatus;
  start: number;
  end: number;
  count: number;
  /** Newest run of this status in the bucket: what a click selects. */
  newest: SyncRun;
  /** How many of its runs are highlighted (all of them when no highlight is active). */
  highlighted: number;
};

export type Timeline = {
  mode: 'runs' | 'buckets';
  marks: (RunMark | BucketMark)[];
  bucketMs: number | null;
  /** Runs with no start time cannot be placed; the table still lists them. */
  unplaced: number;
};

type Placed = { run: SyncRun; start: number; end: number };

function place(run: SyncRun, now: number): Placed | null {
  const start = runStartMs(run);
  if (start === null) return null;
  const finished = runFinishMs(run);
  const end =
    finished === null
      ? run.status === 'RUNNING'
        ? Math.max(now, start)
        : start
      : Math.max(finished, start);
  return { run, start, end };
}

export function buildTimeline(
  runs: readonly SyncRun[],
  window: RunWindowMs,
  widthPx: number,
  now: number,
  highlight: ReadonlySet<string> | null = null,
): Timeline {
  const isHighlighted = (run: SyncRun) => highlight === null || highlight.has(run.run_id);
  const placed: Placed[] = [];
  let unplaced = 0;
  for (const run of runs) {
    const p = place(run, now);
    if (!p) unplaced += 1;
    else if (p.end >= window.since && p.start < window.until) placed.push(p);
  }
  const span = Math.max(1, window.until - window.since);
  const pxPerRun = widthPx / Math.max(1, placed.length);
  if (placed.length <= MAX_RUN_MARKS && pxPerRun >= MIN_PX_PER_RUN) {
    return {
      mode: 'runs',
      marks: placed.map((p) => ({
        kind: 'run',
        run: p.run,
        status: p.run.status,
        start: p.start,
        end: p.end,
        highlighted: isHighlighted(p.run),
      })),
      bucketMs: null,
      unplaced,
    };
  }

  const bucketCount = Math.max(12, Math.min(240, Math.floor(widthPx / BUCKET_PX)));
  const bucketMs = Math.ceil(span / bucketCount);
  const buckets = new Map<string, BucketMark>();
  for (const p of placed) {
    const index = Math.min(
      bucketCount - 1,
      Math.max(0, Math.floor((p.start - window.since) / bucketMs)),
    );
    const key = `${index}:${p.run.status}`;
    const existing = buckets.get(key);
    const lit = isHighlighted(p.run) ? 1 : 0;
    if (existing) {
      existing.count += 1;
      existing.highlighted += lit;
      if (p.start > startOrEarliest(existing.newest)) existing.newest = p.run;
    } else {
      const start = window.since + index * bucketMs;
      buckets.set(key, {
        kind: 'bucket',
        status: p.run.status,
        start,
        end: start + bucketMs,
        count: 1,
        newest: p.run,
        highlighted: lit,
      });
    }
  }
  return { mode: 'buckets', marks: [...buckets.values()], bucketMs, unplaced };
}

const TICK_STEPS = [5, 15, 30, 60, 180, 360, 720, 1440, 2880, 10080].map((m) => m * 60_000);

/** Evenly spaced, round axis ticks (at most `max`), aligned to whole steps in UTC. */
export function timeTicks(since: number, until: number, max = 8): number[] {
  const span = Math.max(1, until - since);
  const step = TICK_STEPS.find((s) => span / s < max) ?? (TICK_STEPS.at(-1) as number);
  const ticks: number[] = [];
  for (let t = Math.ceil(since / step) * step; t <= until; t += step) ticks.push(t);
  return ticks;
}
