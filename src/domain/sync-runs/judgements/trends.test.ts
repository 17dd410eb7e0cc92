import { describe, expect, it } from 'vitest';
import type { SyncRun } from '@/lib/api/schemas';
import { makeRun } from '@/test/fixtures';
import { detectAnomalies } from '@/domain/sync-runs/judgements/anomalies/detect';
import { buildTrends } from './trends';

const MIN = 60_000;
const NOW = Date.parse('2026-11-29T12:00:00Z');
const WINDOW = { since: NOW - 2 * 86_400_000, until: NOW };

type Shape = { seen?: (i: number) => number; durationMs?: (i: number) => number };

/** `n` runs every 15 minutes, newest first, i counting from the oldest. */
function runs(n: number, shape: Shape = {}): SyncRun[] {
  const list: SyncRun[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = NOW - (n - i) * 15 * MIN;
    const duration = shape.durationMs?.(i) ?? MIN + (i % 5) * 1000;
    list.unshift(
      makeRun({
        run_id: `r${i}`,
        started_at: new Date(start).toISOString(),
        finished_at: new Date(start + duration).toISOString(),
        activities: [
          {
            activity_label: 'PSA Contacts',
            total_count: shape.seen?.(i) ?? 4000 + (i % 7) * 10,
            synced_count: i % 3,
            failures: [],
          },
          { activity_label: 'PSA Companies', total_count: 300, synced_count: 1, failures: [] },
        ],
      }),
    );
  }
  return list;
}

describe('buildTrends', () => {
  it('has one point per finished run when they fit, oldest first, per activity', () => {
    const trends = buildTrends(runs(20), WINDOW, []);
    expect(trends.bucketMs).toBeNull();
    expect(trends.activities.map((a) => a.activity)).toEqual(['PSA Contacts', 'PSA Companies']);
    const contacts = trends.activities[0]!;
    expect(contacts.points).toHaveLength(20);
    expect(contacts.points[0]).toEqual({
      t: NOW - 20 * 15 * MIN,
      seen: 4000,
      synced: 0,
      runs: 1,
    });
    expect(contacts.seen).toEqual({ median: 4030, min: 4000, max: 4060, latest: 4050 });
    expect(trends.duration?.points).toHaveLength(20);
    expect(trends.duration?.figures.max).toBe(MIN + 4000);
  });

  it('leaves out SKIPPED and RUNNING runs, which have no counts or duration of their own', () => {
    const list = runs(10);
    list[0] = { ...list[0]!, status: 'RUNNING', finished_at: null };
    list[1] = { ...list[1]!, status: 'SKIPPED', activities: [] };
    const trends = buildTrends(list, WINDOW, []);
    expect(trends.activities[0]!.runs).toBe(8);
    expect(trends.duration?.runs).toBe(8);
  });

  it('groups dense runs into periods and shows each period’s median', () => {
    const trends = buildTrends(
      runs(192, { seen: (i) => (i % 4 === 0 ? 10_000 : 4000) }),
      WINDOW,
      [],
      48,
    );
    expect(trends.bucketMs).toBe(3_600_000);
    const contacts = trends.activities[0]!;
    expect(contacts.points).toHaveLength(48);
    // Four runs an hour, one of them an outlier: the median is the usual level.
    expect(contacts.points.every((p) => p.seen === 4000 && p.runs === 4)).toBe(true);
    expect(contacts.seen.max).toBe(10_000);
  });

  it('marks the period an activity found nothing on that activity, slower runs on the duration', () => {
    const list = runs(60, {
      seen: (i) => (i >= 50 ? 0 : 4000 + (i % 7) * 10),
      durationMs: (i) => (i >= 55 ? 12 * MIN : MIN + (i % 5) * 1000),
    });
    const { anomalies } = detectAnomalies(list, NOW);
    expect(anomalies.map((a) => a.kind).sort()).toEqual(['finds-nothing', 'slower-runs']);
    const trends = buildTrends(list, WINDOW, anomalies);
    const [contacts, companies] = trends.activities;
    expect(contacts!.marks).toEqual([
      expect.objectContaining({
        kind: 'finds-nothing',
        from: NOW - 10 * 15 * MIN,
        to: NOW - 15 * MIN + 12 * MIN,
      }),
    ]);
    expect(companies!.marks).toEqual([]);
    expect(trends.duration?.marks.map((m) => m.kind)).toEqual(['slower-runs']);
    expect(trends.duration?.marks[0]!.from).toBe(NOW - 5 * 15 * MIN);
  });

  it('has nothing to draw for a window without finished runs', () => {
    expect(buildTrends([], WINDOW, [])).toEqual({ bucketMs: null, activities: [], duration: null });
  });
});
