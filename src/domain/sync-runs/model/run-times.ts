// A run's start and finish as epoch milliseconds, parsed once per run object: at 8,640 runs,
// Date.parse on the same ISO strings in every derivation cost more than drawing the page.
import type { SyncRun } from '@/lib/api/schemas';

type TimedRun = Pick<SyncRun, 'started_at' | 'finished_at'>;
type RunTimes = { start: number | null; finish: number | null };

const parsed = new WeakMap<TimedRun, RunTimes>();

/** A missing time is null everywhere in the model, never NaN or a made-up date. */
function parseIso(iso: string | null): number | null {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}

function runTimes(run: TimedRun): RunTimes {
  let times = parsed.get(run);
  if (!times) {
    times = { start: parseIso(run.started_at), finish: parseIso(run.finished_at) };
    parsed.set(run, times);
  }
  return times;
}

/** `started_at` in ms; null when absent or unparsable. */
export function runStartMs(run: TimedRun): number | null {
  return runTimes(run).start;
}

/** `finished_at` in ms; null when absent or unparsable. */
export function runFinishMs(run: TimedRun): number | null {
  return runTimes(run).finish;
}

/** For ordering and comparing starts: a run without a start time comes before every run with one. */
export function startOrEarliest(run: TimedRun): number {
  return runStartMs(run) ?? Number.NEGATIVE_INFINITY;
}

/** How long the run took, or has been running (to `now` when it has not finished); null without a start. */
export function runDurationMs(run: TimedRun, now: number): number | null {
  const start = runStartMs(run);
  const end = run.finished_at ? runFinishMs(run) : now;
  if (start === null || end === null) return null;
  return Math.max(0, end - start);
}
