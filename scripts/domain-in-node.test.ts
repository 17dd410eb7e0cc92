// The domain model runs on a server as it does in the browser: plain Node, no DOM, no React. The
// watcher service imports it from here.
import { describe, expect, it } from 'vitest';
import { integrationHealth } from '@/domain/sync-runs/judgements/health';
import { learnCadence } from '@/domain/sync-runs/judgements/cadence';
import { windowEndingAt } from '@/domain/sync-runs/model/window';

const NOW = Date.parse('2026-11-29T12:00:00Z');

/** A run every 15 minutes for a day, newest first. */
function history(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const start = NOW - (i + 1) * 15 * 60_000;
    return {
      run_id: `r${i}`,
      temporal_run_id: null,
      temporal_workflow_id: null,
      status: 'SUCCESS' as const,
      started_at: new Date(start).toISOString(),
      finished_at: new Date(start + 60_000).toISOString(),
      error: null,
      dashboard_message: null,
      activities: [],
    };
  });
}

describe('the domain model in Node', () => {
  it('has no browser to lean on here', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('judges a history the way the dashboard does', () => {
    const runs = history(96);
    expect(learnCadence(runs)).toMatchObject({ ok: true, cadence: { intervalMs: 15 * 60_000 } });
    expect(integrationHealth(runs, NOW).state).toBe('healthy');
    expect(integrationHealth(runs, NOW + 6 * 60 * 60_000).state).toBe('not-running');
    expect(windowEndingAt(NOW, 86_400_000)).toEqual({
      since: '2026-11-28T12:01:00.000Z',
      until: '2026-11-29T12:01:00.000Z',
    });
  });
});
