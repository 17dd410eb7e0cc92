import { describe, expect, it } from 'vitest';
import type { SyncRun } from '@/lib/api/schemas';
import { makeRun, quarterHourRun } from '@/test/fixtures';
import { answerRecordQuestion } from './verdict';

const MIN = 60_000;
const T0 = Date.parse('2026-11-28T00:00:00Z');

function contactsRun(
  i: number,
  failures: SyncRun['activities'][number]['failures'] = [],
  status: SyncRun['status'] = 'SUCCESS',
): SyncRun {
  const activity = { activity_label: 'PSA Contacts', synced_count: 2, total_count: 2100, failures };
  return quarterHourRun(i, { t0: T0, status, activity });
}

/** The verdict on a PSA Contacts record created at `createdAt` (under `resource`), asked at `now`. */
function askAboutContact(runs: SyncRun[], createdAt: number, now: number, resource = '') {
  return answerRecordQuestion(runs, { activity: 'PSA Contacts', resource, createdAt }, now);
}

const history = Array.from({ length: 20 }, (_, i) => contactsRun(i)); // every 15 min, last at T0 + 285 min

describe('answerRecordQuestion', () => {
  it('says "not synced yet" with a time range from the learned cadence when created after the last run', () => {
    const createdAt = T0 + 290 * MIN;
    const v = askAboutContact(history, createdAt, createdAt + MIN);
    expect(v.kind).toBe('not-synced-yet');
    if (v.kind !== 'not-synced-yet') return;
    expect(v.expected.earliest).toBe(T0 + 300 * MIN + 2 * MIN);
    expect(v.expected.latest).toBeGreaterThanOrEqual(v.expected.earliest);
  });

  it('says "should already be there" when a later clean run covered the creation time', () => {
    const v = askAboutContact(history, T0 + 100 * MIN, T0 + 290 * MIN);
    expect(v).toMatchObject({ kind: 'should-be-there', coveringRun: { run_id: 'r7' } });
  });

  it('says "blocked" when an open failure signature matches the resource', () => {
    const failure = {
      resource_label: 'Contacts',
      parent_label: 'Company: Fabrikam (88)',
      reason: 'permission_denied',
      error_message: '403 on company 88',
    };
    const runs = history.map((run, i) => (i >= 15 ? contactsRun(i, [failure], 'FAILURE') : run));
    const v = askAboutContact(runs, T0 + 230 * MIN, T0 + 290 * MIN, 'fabrikam');
    expect(v.kind).toBe('blocked');
    if (v.kind === 'blocked')
      expect(v.signatures[0]).toMatchObject({
        reason: 'permission_denied',
        runCount: 5,
        state: 'open',
      });
  });

  it('says "not running" after several cadences without a run, quoting the skip message', () => {
    const skipped = makeRun({
      run_id: 'skip',
      status: 'SKIPPED',
      started_at: new Date(T0 + 400 * MIN).toISOString(),
      dashboard_message: 'Skipped: a previous sync is still running',
    });
    const v = askAboutContact([...history, skipped], T0 + 500 * MIN, T0 + 600 * MIN);
    expect(v).toMatchObject({
      kind: 'not-running',
      skippedMessage: 'Skipped: a previous sync is still running',
    });
  });

  it('says "not enough history" with too few runs', () => {
    const v = askAboutContact(history.slice(0, 3), T0, T0 + 60 * MIN);
    expect(v).toEqual({ kind: 'not-enough-history', runs: 3 });
  });
});

describe('answerRecordQuestion on awkward histories', () => {
  it('learns an irregular cadence and still gives a range', () => {
    const jittered = Array.from({ length: 20 }, (_, i) =>
      makeRun({
        run_id: `j${i}`,
        started_at: new Date(T0 + (i * 15 + (i % 3) * 4) * MIN).toISOString(),
        finished_at: new Date(T0 + (i * 15 + (i % 3) * 4 + 2) * MIN).toISOString(),
        activities: [
          { activity_label: 'PSA Contacts', synced_count: 1, total_count: 9, failures: [] },
        ],
      }),
    );
    const createdAt = T0 + 300 * MIN;
    const v = askAboutContact(jittered, createdAt, createdAt);
    expect(v.kind).toBe('not-synced-yet');
    if (v.kind === 'not-synced-yet') expect(v.expected.latest).toBeGreaterThan(v.expected.earliest);
  });

  it('ignores durations from clock skew (finished before started)', () => {
    const skewed = history.map((run, i) =>
      i === 5
        ? { ...run, finished_at: new Date(Date.parse(run.started_at!) - 60_000).toISOString() }
        : run,
    );
    const createdAt = T0 + 290 * MIN;
    const v = askAboutContact(skewed, createdAt, createdAt + MIN);
    expect(v.kind).toBe('not-synced-yet');
    if (v.kind === 'not-synced-yet') expect(v.cadence.durationMs).toBe(2 * MIN);
  });

  it('waits for a run in progress that started after the record was created', () => {
    const running = contactsRun(20, [], 'RUNNING');
    const createdAt = T0 + 296 * MIN;
    const now = T0 + 301 * MIN;
    const v = askAboutContact([...history, running], createdAt, now);
    expect(v).toMatchObject({ kind: 'not-synced-yet', lastRunStart: running.started_at });
    if (v.kind === 'not-synced-yet') expect(v.expected.earliest).toBe(T0 + 302 * MIN);
  });

  it('only counts runs that include the activity (activities come and go)', () => {
    const mixed = history.map((run, i) =>
      i % 2
        ? {
            ...run,
            activities: [
              { activity_label: 'PSA Members', synced_count: 0, total_count: 3, failures: [] },
            ],
          }
        : run,
    );
    const v = askAboutContact(mixed, T0 + 100 * MIN, T0 + 290 * MIN);
    expect(v).toMatchObject({ kind: 'should-be-there', coveringRun: { run_id: 'r8' } });
  });
});

describe('answerRecordQuestion and an activity that finds nothing', () => {
  // 40 runs; from run 26 on, PSA Contacts still succeeds but finds 0 records.
  const silent = Array.from({ length: 40 }, (_, i) => {
    const run = contactsRun(i);
    return i >= 26
      ? { ...run, activities: [{ ...run.activities[0]!, total_count: 0, synced_count: 0 }] }
      : run;
  });
  const startOf = (i: number) => T0 + i * 15 * MIN;

  it('never says "should already be there" for a record created while the activity found nothing', () => {
    const v = askAboutContact(silent, startOf(30) + MIN, startOf(39) + 5 * MIN);
    expect(v.kind).toBe('finds-nothing');
    if (v.kind !== 'finds-nothing') return;
    expect(v.anomaly.sentence).toMatch(
      /^PSA Contacts has found 0 records in each of the last 14 runs/,
    );
    expect(v.anomaly.since).toBe(new Date(startOf(26)).toISOString());
  });

  it('still finds the covering run for a record created before the activity went quiet', () => {
    const v = askAboutContact(silent, startOf(20) + MIN, startOf(39) + 5 * MIN);
    expect(v).toMatchObject({ kind: 'should-be-there', coveringRun: { run_id: 'r21' } });
  });
});
