// Small builders for runs and pages in unit tests.
import type { SyncActivity, SyncRun } from '@/lib/api/schemas';
import type { SyncRunsPage } from '@/lib/api/sync-runs';

export function makeRun(overrides: Partial<SyncRun> = {}): SyncRun {
  return {
    run_id: 'run-1',
    temporal_run_id: null,
    temporal_workflow_id: null,
    status: 'SUCCESS',
    started_at: '2026-11-28T10:00:00Z',
    finished_at: '2026-11-28T10:01:30Z',
    error: null,
    dashboard_message: null,
    activities: [],
    ...overrides,
  };
}

/** A run still in progress: started, no finish time yet. */
export function makeRunningRun(
  overrides: Partial<SyncRun> & Pick<SyncRun, 'run_id' | 'started_at'>,
): SyncRun {
  return makeRun({ status: 'RUNNING', finished_at: null, ...overrides });
}

const MINUTE = 60_000;

/**
 * Run `i` (run_id `r<i>`) of a history that syncs every 15 minutes from `t0`: two minutes long, or
 * still running, with the one activity given.
 */
export function quarterHourRun(
  i: number,
  options: { t0: number; activity: SyncActivity; status?: SyncRun['status'] },
): SyncRun {
  const start = options.t0 + i * 15 * MINUTE;
  const status = options.status ?? 'SUCCESS';
  return makeRun({
    run_id: `r${i}`,
    status,
    started_at: new Date(start).toISOString(),
    finished_at: status === 'RUNNING' ? null : new Date(start + 2 * MINUTE).toISOString(),
    activities: [options.activity],
  });
}

export function makePage(
  runIds: string[],
  next: string | null,
  hasMore = next !== null,
): SyncRunsPage {
  return {
    runs: runIds.map((run_id) => makeRun({ run_id })),
    problems: [],
    hasMore,
    nextCursor: next,
    requestId: '00000000-0000-4000-8000-000000000000',
    warnings: [],
  };
}
