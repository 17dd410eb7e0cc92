// How much of the window has been loaded, for a progress bar that means something: each slice is
// read newest first, so what is left of an open slice runs from its start to the oldest run seen.
import type { RoundPage } from './rounds';
import { runStartMs } from '@/domain/sync-runs/model/run-times';
import type { RunWindow } from '@/domain/sync-runs/model/window';

function oldestStart(round: RoundPage, slice: number): number {
  let oldest = Infinity;
  for (const entry of round.bySlice) {
    if (entry.slice !== slice) continue;
    for (const run of entry.runs) {
      const ms = runStartMs(run);
      if (ms !== null && ms < oldest) oldest = ms;
    }
  }
  return oldest;
}

/** 0 before anything arrived, 1 when nothing is left to fetch; in between, the share of time read. */
export function windowProgress(window: RunWindow, rounds: readonly RoundPage[]): number {
  const last = rounds.at(-1);
  if (!last) return 0;
  if (last.next.length === 0) return 1;
  const since = Date.parse(window.since);
  const total = Date.parse(window.until) - since;
  if (!(total > 0)) return 0;
  let left = 0;
  for (const open of last.next) {
    const start = Date.parse(open.since);
    const end = Date.parse(open.until);
    // Not started: all of it. Started: from its start up to the oldest run read (clamped).
    const reached = open.cursor === null ? end : Math.min(end, oldestStart(last, open.index));
    left += Math.max(0, (Number.isFinite(reached) ? reached : end) - start);
  }
  return Math.min(1, Math.max(0, 1 - left / total));
}
