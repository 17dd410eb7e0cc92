// Small builders for runs and pages in unit tests.
import type { SyncRun } from '@/lib/api/schemas';
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
