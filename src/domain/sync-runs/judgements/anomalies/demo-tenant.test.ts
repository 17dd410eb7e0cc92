// The detectors on the stand-in's demo tenant: healthy integrations show nothing unusual; the
// failing and the stuck one show exactly what is wrong with them.
import { describe, expect, it } from 'vitest';
import { createDemoTenant } from '../../../../../neo-standin/core/index.ts';
import type { SyncRun } from '@/lib/api/schemas';
import { integrationHealth } from '@/domain/sync-runs/judgements/health';
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

  it('servicenow: PSA Contacts finds nothing for about two days while every run succeeds', () => {
    const runs = window30d('servicenow');
    expect(runs.every((run) => run.status === 'SUCCESS')).toBe(true);
    const [nothing, ...rest] = detectAnomalies(runs, NOW).anomalies;
    expect(rest.map((a) => a.kind)).not.toContain('finds-nothing');
    expect(nothing).toMatchObject({ kind: 'finds-nothing', activity: 'PSA Contacts' });
    const sinceHours = (NOW - Date.parse(nothing!.since)) / 3_600_000;
    expect(sinceHours).toBeGreaterThan(47);
    expect(sinceHours).toBeLessThan(51);
    expect(nothing!.sentence).toMatch(
      /PSA Contacts has found 0 records in each of the last \d+ runs/,
    );
    expect(integrationHealth(window30d('servicenow', 7), NOW).state).toBe('suspicious');
  });

  it('n_central: slower runs since yesterday, nothing else', () => {
    const { anomalies } = detectAnomalies(window30d('n_central'), NOW);
    expect(anomalies.map((a) => a.kind)).toEqual(['slower-runs']);
    expect(anomalies[0]!.sentence).toMatch(/\d+(\.\d)?× slower than usual/);
    expect(integrationHealth(window30d('n_central', 7), NOW).state).toBe('suspicious');
  });

  it('datto_rmm: a run stuck far past its usual duration', () => {
    expect(detectAnomalies(window30d('datto_rmm'), NOW).anomalies.map((a) => a.kind)).toEqual([
      'long-running',
    ]);
  });
});
