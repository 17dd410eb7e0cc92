// The detectors on the stand-in's demo tenant: healthy integrations show nothing unusual; the
// failing and the stuck one show exactly what is wrong with them.
import { describe, expect, it } from 'vitest';
import { createDemoTenant } from '../../../../neo-standin/core/index.ts';
import type { SyncRun } from '@/lib/api/schemas';
import { integrationHealth } from '@/domain/sync-runs/health';
import { detectAnomalies } from './detect';

const NOW = Date.UTC(2026, 10, 28, 12);
const tenant = createDemoTenant({ seed: 'demo', referenceTime: NOW });

function window30d(name: string, days = 30): SyncRun[] {
  const runs: SyncRun[] = [];
  let after: Parameters<typeof tenant.listRuns>[1]['after'] = null;
  for (;;) {
    const page = tenant.listRuns(name, {
      since: NOW - days * 86_400_000,
      until: NOW,
      after,
      limit: 500,
      now: NOW,
    });
    runs.push(...(page.runs as SyncRun[]));
    if (!page.hasMore) return runs;
    after = page.keys.at(-1) ?? null;
  }
}

describe('anomalies on the demo tenant', () => {
  it.each(['connectwise', 'ninjaone', 'itglue', 'hudu'])('%s: nothing unusual', (name) => {
    expect(detectAnomalies(window30d(name), NOW)).toEqual({
      anomalies: [],
      notEnoughHistory: false,
    });
  });

  it.each(['connectwise', 'ninjaone', 'itglue', 'hudu'])(
    '%s: healthy on the overview (7 days), not suspicious',
    (name) => {
      expect(integrationHealth(window30d(name, 7), NOW).state).toBe('healthy');
    },
  );

  it('halopsa: failing far more often since it broke', () => {
    expect(detectAnomalies(window30d('halopsa'), NOW).anomalies.map((a) => a.kind)).toEqual([
      'failure-rate',
    ]);
  });

  it('datto_rmm: a run stuck far past its usual duration', () => {
    expect(detectAnomalies(window30d('datto_rmm'), NOW).anomalies.map((a) => a.kind)).toEqual([
      'long-running',
    ]);
  });
});
