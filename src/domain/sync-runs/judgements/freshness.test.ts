import { describe, expect, it } from 'vitest';
import { makeRun, makeRunningRun } from '@/test/fixtures';
import { activityFreshness, stalestActivity } from './freshness';

const activity = (label: string, failures = 0) => ({
  activity_label: label,
  synced_count: 1,
  total_count: 5,
  failures: Array.from({ length: failures }, () => ({
    resource_label: 'R',
    parent_label: null,
    reason: 'timeout',
    error_message: 'x',
  })),
});

describe('activityFreshness', () => {
  const runs = [
    makeRunningRun({
      run_id: 'r3',
      started_at: '2026-11-29T10:00:00Z',
      activities: [activity('Contacts')],
    }),
    makeRun({
      run_id: 'r2',
      started_at: '2026-11-29T09:00:00Z',
      activities: [activity('Contacts'), activity('Metadata', 1)],
    }),
    makeRun({
      run_id: 'r1',
      started_at: '2026-11-29T08:00:00Z',
      activities: [activity('Contacts'), activity('Metadata')],
    }),
  ];

  it('is the start of the last finished run where the activity had no failures', () => {
    const byName = Object.fromEntries(activityFreshness(runs).map((f) => [f.activity, f]));
    expect(byName.Contacts).toMatchObject({ freshAsOf: '2026-11-29T09:00:00Z', freshRunId: 'r2' });
    expect(byName.Metadata).toMatchObject({
      freshAsOf: '2026-11-29T08:00:00Z',
      lastFailedAt: '2026-11-29T09:00:00Z',
    });
  });

  it('says so when an activity never succeeded, and picks it as the stalest', () => {
    const never = [
      makeRun({
        run_id: 'x',
        started_at: '2026-11-29T09:00:00Z',
        activities: [activity('Docs', 2), activity('Pages')],
      }),
    ];
    const items = activityFreshness(never);
    expect(items.find((f) => f.activity === 'Docs')?.freshAsOf).toBeNull();
    expect(stalestActivity(items)?.activity).toBe('Docs');
    expect(stalestActivity(activityFreshness(runs))?.activity).toBe('Metadata');
  });
});
