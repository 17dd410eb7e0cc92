// What every window query of the app shares, created once beside its query client (App) and handed
// to windowQueryOptions by useWindowQueryOptions: nothing of it is module state.
import { MAX_SLICES } from '@/domain/sync-runs/fetching/slices';
import { createUrgentGate, type UrgentGate } from '@/domain/sync-runs/fetching/urgent-gate';
import { createEarlyPages, type EarlyPages } from './kept-round';

export type WindowReads = {
  /** config `fetch.maxParallelSlices`: at most this many slices of an integration page's window. */
  maxSlices: number;
  /**
   * Overview cards' newest pages under way: the rest of every card's week waits for them, and so
   * does the code fetched ahead for later pages.
   */
  urgent: UrgentGate;
  /** Pages asked for ahead of their round (a window's newest, while its kept runs are read). */
  early: EarlyPages;
};

export function createWindowReads({ maxSlices = MAX_SLICES }: { maxSlices?: number } = {}) {
  return { maxSlices, urgent: createUrgentGate(), early: createEarlyPages() } satisfies WindowReads;
}
