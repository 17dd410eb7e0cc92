// A run's start and finish as epoch milliseconds, parsed once per run object: at 8,640 runs,
// Date.parse on the same ISO strings in every derivation cost more than drawing the page.
import type { SyncRun } from '@/lib/api/schemas';

type TimedRun = Pick<SyncRun, 'started_at' | 'finished_at'>;
type RunTimes = { start: number; finish: number };

const parsed = new WeakMap<TimedRun, RunTimes>();

function parseIso(iso: string | null): number {
  return iso ? Date.parse(iso) : Number.NaN;
}

function runTimes(run: TimedRun): RunTimes {
  let times = parsed.get(run);
  if (!times) {
    times = { start: parseIso(run.started_at), finish: parseIso(run.finished_at) };
    parsed.set(run, times);
  }
  return times;
}

/** `started_at` in ms; NaN when absent or unparsable. */
export function runStartMs(run: TimedRun): number {
  return runTimes(run).start;
}

/** `finished_at` in ms; NaN when absent or unparsable. */
export function runFinishMs(run: TimedRun): number {
  return runTimes(run).finish;
}

/** How long the run took, or has been running (to `now` when it has not finished); null without a start. */
export function runDurationMs(run: TimedRun, now: number): number | null {
  const start = runStartMs(run);
  const end = run.finished_at ? runFinishMs(run) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, end - start);
}
