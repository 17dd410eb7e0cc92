// The domain model runs on a server as it does in the browser: in a plain Node process (no Vitest,
// no DOM, no React, no bundler alias), the watcher's judge path and the domain's entry points give
// a sync history the same health, failure, verdict and window the dashboard shows for it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { failureSignatures } from '@/domain/sync-runs/judgements/signatures';
import type { SyncRun } from '@/lib/api/schemas';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const MIN = 60_000;

/** A run every 15 minutes for a day, newest first; the newest three fail on one record. */
function history(): SyncRun[] {
  return Array.from({ length: 96 }, (_, i) => {
    const start = NOW - (i + 1) * 15 * MIN;
    const failing = i < 3;
    return {
      run_id: `r${i}`,
      temporal_run_id: null,
      temporal_workflow_id: null,
      status: failing ? 'FAILURE' : 'SUCCESS',
      started_at: new Date(start).toISOString(),
      finished_at: new Date(start + MIN).toISOString(),
      error: failing ? 'Ticket Types could not be read' : null,
      dashboard_message: null,
      activities: [
        {
          activity_label: 'PSA Metadata',
          synced_count: failing ? 0 : 9,
          total_count: 9,
          failures: failing
            ? [
                {
                  resource_label: 'Ticket Types',
                  parent_label: 'Board 444',
                  reason: 'permission_denied',
                  error_message: '403 Forbidden',
                },
              ]
            : [],
        },
      ],
    };
  });
}

/** What the child process prints: its globals and what the domain made of the history. */
const SCRIPT = `
import { judge } from './watcher/judge.ts';
import { learnCadence } from './src/domain/sync-runs/judgements/cadence.ts';
import { answerRecordQuestion } from './src/domain/sync-runs/judgements/verdict.ts';
import { windowEndingAt } from './src/domain/sync-runs/model/window.ts';

const cadence = learnCadence(RUNS);
const verdict = answerRecordQuestion(
  RUNS,
  { activity: 'PSA Metadata', resource: 'Ticket', createdAt: NOW - 120 * 60_000 },
  NOW,
);
console.log(JSON.stringify({
  globals: { window: typeof window, document: typeof document, vitest: typeof globalThis.__vitest_worker__ },
  intervalMs: cadence.ok ? cadence.cadence.intervalMs : null,
  now: [...judge(RUNS, NOW).values()],
  sixHoursLater: judge(RUNS, NOW + 6 * 60 * 60_000).get('health'),
  verdict: { kind: verdict.kind, signatures: verdict.kind === 'blocked' ? verdict.signatures.map((s) => s.resource + ' / ' + s.reason + ' / ' + s.runCount) : [] },
  window: windowEndingAt(NOW, 86_400_000),
}));
`;

/** Runs SCRIPT in a separate, plain Node process (tsx only strips the types). */
function inPlainNode() {
  const code = `const NOW = ${NOW};\nconst RUNS = ${JSON.stringify(history())};\n${SCRIPT}`;
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', code],
    {
      cwd: process.cwd(),
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    },
  );
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as Record<string, unknown>;
}

describe('the domain model in a plain Node process', () => {
  it('judges a history as the dashboard does, with no browser and no test runner to lean on', () => {
    const out = inPlainNode();
    expect(out.globals).toEqual({
      window: 'undefined',
      document: 'undefined',
      vitest: 'undefined',
    });
    expect(out.intervalMs).toBe(15 * MIN);
    // The watcher's judgement: the health and the open failure, each in the dashboard's words.
    expect(out.now).toEqual([
      {
        subject: 'health',
        state: 'failing',
        text: 'Ticket Types (Board 444): permission_denied in 3 runs.',
      },
      {
        subject: 'signature',
        id: 'iagnfp',
        activity: 'PSA Metadata',
        text: 'PSA Metadata: Ticket Types (Board 444) fails with permission_denied in 3 runs: 403 Forbidden',
        since: '2026-11-29T11:15:00.000Z',
        runId: 'r0',
      },
    ]);
    // The same failure id as where the dashboard works it out (the watcher keys its state by it).
    expect(failureSignatures(history()).map((signature) => signature.id)).toEqual(['iagnfp']);
    expect(out.sixHoursLater).toEqual({
      subject: 'health',
      state: 'not-running',
      text: 'No sync for 6 h (normally every 15 min).',
    });
    // "I created a ticket type two hours ago: where is it?" The failing record blocks it.
    expect(out.verdict).toEqual({
      kind: 'blocked',
      signatures: ['Ticket Types / permission_denied / 3'],
    });
    expect(out.window).toEqual({
      since: '2026-11-28T12:01:00.000Z',
      until: '2026-11-29T12:01:00.000Z',
    });
  });
});
