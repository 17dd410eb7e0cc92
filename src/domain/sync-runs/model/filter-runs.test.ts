import { describe, expect, it } from 'vitest';
import { makeRun } from '@/test/fixtures';
import { countByStatus, filterRuns } from './filter-runs';

const failing = makeRun({
  run_id: 'f1',
  status: 'FAILURE',
  activities: [
    {
      activity_label: 'PSA Metadata',
      synced_count: 0,
      total_count: 10,
      failures: [
        {
          resource_label: 'Ticket Types',
          parent_label: 'Board: Service Desk (444)',
          reason: 'permission_denied',
          error_message: '403 Forbidden',
        },
      ],
    },
  ],
});
const ok = makeRun({
  run_id: 's1',
  status: 'SUCCESS',
  activities: [
    { activity_label: 'PSA Contacts', synced_count: 3, total_count: 2100, failures: [] },
  ],
});
const skipped = makeRun({
  run_id: 'k1',
  status: 'SKIPPED',
  dashboard_message: 'Skipped: previous sync still running',
});

describe('filterRuns', () => {
  it('filters by any of the chosen statuses', () => {
    expect(
      filterRuns([failing, ok, skipped], { statuses: ['FAILURE', 'SKIPPED'], q: '' }).map(
        (r) => r.run_id,
      ),
    ).toEqual(['f1', 'k1']);
  });

  it('searches activity labels, resources, parents, reasons and messages, case-insensitively, all terms', () => {
    const runs = [failing, ok, skipped];
    expect(filterRuns(runs, { statuses: [], q: 'ticket types' }).map((r) => r.run_id)).toEqual([
      'f1',
    ]);
    expect(filterRuns(runs, { statuses: [], q: 'board 444' }).map((r) => r.run_id)).toEqual(['f1']);
    expect(filterRuns(runs, { statuses: [], q: 'PERMISSION_denied' }).map((r) => r.run_id)).toEqual(
      ['f1'],
    );
    expect(filterRuns(runs, { statuses: [], q: 'contacts' }).map((r) => r.run_id)).toEqual(['s1']);
    expect(filterRuns(runs, { statuses: [], q: 'still running' }).map((r) => r.run_id)).toEqual([
      'k1',
    ]);
    expect(filterRuns(runs, { statuses: [], q: 'ticket contacts' })).toEqual([]);
  });

  it('counts by status', () => {
    expect(countByStatus([failing, ok, ok, skipped])).toEqual({
      RUNNING: 0,
      SUCCESS: 2,
      FAILURE: 1,
      SKIPPED: 1,
    });
  });
});
