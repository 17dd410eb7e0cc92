import { describe, expect, it } from 'vitest';
import { makeRun, makeRunningRun } from '@/test/fixtures';
import { failureSignatures, normaliseMessage } from './signatures';

describe('normaliseMessage', () => {
  it('masks numbers, ids and quoted values so repeats of one problem match', () => {
    expect(normaliseMessage("403 Forbidden: member 'neo-sync' lacks access on board 444")).toBe(
      '<n> Forbidden: member <value> lacks access on board <n>',
    );
    expect(normaliseMessage('retry after 60s (req 0b7e4a1c-3f2d-4e5a-9b8c-7d6e5f4a3b2c)')).toBe(
      'retry after <n>s (req <id>)',
    );
  });
});

describe('failureSignatures', () => {
  const failure = (msg: string) => ({
    resource_label: 'Ticket Types',
    parent_label: 'Board 444',
    reason: 'permission_denied',
    error_message: msg,
  });
  const run = (id: string, iso: string, failures: ReturnType<typeof failure>[]) =>
    makeRun({
      run_id: id,
      status: failures.length ? 'FAILURE' : 'SUCCESS',
      started_at: iso,
      finished_at: iso,
      activities: [{ activity_label: 'PSA Metadata', synced_count: 0, total_count: 9, failures }],
    });

  it('groups the same failure across runs with first/last seen and count, open while it persists', () => {
    const sigs = failureSignatures([
      run('a', '2026-11-24T09:12:00Z', [failure('denied (req 1)')]),
      run('b', '2026-11-25T09:12:00Z', [failure('denied (req 2)')]),
      run('c', '2026-11-26T09:12:00Z', [failure('denied (req 3)')]),
    ]);
    expect(sigs).toHaveLength(1);
    expect(sigs[0]).toMatchObject({
      firstSeen: '2026-11-24T09:12:00Z',
      lastSeen: '2026-11-26T09:12:00Z',
      runCount: 3,
      state: 'open',
    });
  });

  it('is resolved when a later run of the activity had no failure for that resource', () => {
    const sigs = failureSignatures([
      run('a', '2026-11-24T09:12:00Z', [failure('denied')]),
      run('b', '2026-11-25T09:12:00Z', []),
    ]);
    expect(sigs[0]).toMatchObject({ state: 'resolved', resolvedAt: '2026-11-25T09:12:00Z' });
  });
});

describe('failureSignatures over time', () => {
  const f = {
    resource_label: 'Devices',
    parent_label: null,
    reason: 'rate_limited',
    error_message: 'retry after 60s',
  };
  const run = (id: string, iso: string, failures: (typeof f)[]) =>
    makeRun({
      run_id: id,
      started_at: iso,
      finished_at: iso,
      activities: [{ activity_label: 'RMM Devices', synced_count: 0, total_count: 9, failures }],
    });

  it('is open again when a resolved failure comes back', () => {
    const sigs = failureSignatures([
      run('a', '2026-11-24T09:00:00Z', [f]),
      run('b', '2026-11-24T10:00:00Z', []),
      run('c', '2026-11-25T09:00:00Z', [{ ...f, error_message: 'retry after 30s' }]),
    ]);
    expect(sigs).toHaveLength(1);
    expect(sigs[0]).toMatchObject({ state: 'open', runCount: 2, lastSeen: '2026-11-25T09:00:00Z' });
  });

  it('is not resolved by a run still in progress', () => {
    const inProgress = makeRunningRun({
      run_id: 'r',
      started_at: '2026-11-25T10:00:00Z',
      activities: [
        { activity_label: 'RMM Devices', synced_count: 0, total_count: 9, failures: [] },
      ],
    });
    const sigs = failureSignatures([run('a', '2026-11-25T09:00:00Z', [f]), inProgress]);
    expect(sigs[0]?.state).toBe('open');
  });
});
