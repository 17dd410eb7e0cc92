import { describe, expect, it } from 'vitest';
import { makeRun } from '@/test/fixtures';
import { buildLane } from './overview-lanes';

const HOUR = 3_600_000;
const UNTIL = Date.parse('2026-11-29T12:00:00Z');
const WINDOW = { since: UNTIL - 4 * HOUR, until: UNTIL };
const at = (hoursBefore: number) => new Date(UNTIL - hoursBefore * HOUR).toISOString();

describe('buildLane', () => {
  it('counts runs into equal periods and shows each in its most telling status', () => {
    const lane = buildLane(
      [
        makeRun({ run_id: 'a', status: 'SUCCESS', started_at: at(0.5) }),
        makeRun({ run_id: 'b', status: 'RUNNING', started_at: at(0.2), finished_at: null }),
        makeRun({ run_id: 'c', status: 'SUCCESS', started_at: at(1.5) }),
        makeRun({ run_id: 'd', status: 'FAILURE', started_at: at(1.2) }),
        makeRun({ run_id: 'e', status: 'SKIPPED', started_at: at(2.5) }),
        makeRun({ run_id: 'f', status: 'SUCCESS', started_at: null }),
        makeRun({ run_id: 'g', status: 'FAILURE', started_at: at(9) }),
      ],
      WINDOW,
      4,
    );
    expect(lane.cellMs).toBe(HOUR);
    expect(lane.cells.map((c) => c.shown)).toEqual([null, 'SKIPPED', 'FAILURE', 'RUNNING']);
    expect(lane.cells[2]!.counts).toEqual({ SUCCESS: 1, FAILURE: 1, RUNNING: 0, SKIPPED: 0 });
    expect(lane).toMatchObject({ runs: 5, failed: 1, unplaced: 1, lastFailure: UNTIL - 2 * HOUR });
  });

  it('has empty periods and no failure for a lane without runs', () => {
    const lane = buildLane([], WINDOW, 8);
    expect(lane.cells).toHaveLength(8);
    expect(lane.cells.every((c) => c.shown === null)).toBe(true);
    expect(lane).toMatchObject({ runs: 0, failed: 0, lastFailure: null });
  });
});
