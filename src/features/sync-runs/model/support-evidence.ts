// The plain-text evidence a user pastes into a support ticket: what was asked, the verdict, the runs
// and request ids behind it, times in UTC. Only data the API already returned; no tokens.
import type { SyncRun } from '../../../lib/api/schemas';
import type { FailureSignature } from './signatures';
import type { RecordQuestion, Verdict } from './verdict';
import { runStartMs } from './run-times';

export const VERDICT_TITLES: Record<Verdict['kind'], string> = {
  'not-synced-yet': 'Not synced yet',
  'should-be-there': 'Should already be there',
  blocked: 'Blocked by a failure',
  'not-running': 'Sync not running',
  'not-enough-history': 'Not enough history',
};

export type EvidenceInput = {
  integration: string;
  question: RecordQuestion;
  verdict: Verdict;
  runs: readonly SyncRun[];
  openSignatures: readonly FailureSignature[];
  requestIds: readonly string[];
  now: number;
};

const utc = (ms: number) => new Date(ms).toISOString();

function runLine(run: SyncRun): string {
  return [
    `run ${run.run_id}`,
    `status ${run.status}`,
    `started ${run.started_at ?? 'n/a'}`,
    `finished ${run.finished_at ?? 'n/a'}`,
    `temporal_workflow_id ${run.temporal_workflow_id ?? 'n/a'}`,
    `temporal_run_id ${run.temporal_run_id ?? 'n/a'}`,
  ].join(', ');
}

function newestWithActivity(runs: readonly SyncRun[], activity: string): SyncRun | undefined {
  let newest: SyncRun | undefined;
  let newestStart = -Infinity;
  for (const run of runs) {
    const start = runStartMs(run);
    if (!(start > newestStart)) continue;
    if (!run.activities.some((a) => a.activity_label === activity)) continue;
    newest = run;
    newestStart = start;
  }
  return newest;
}

export function buildSupportEvidence(input: EvidenceInput): string {
  const { verdict, question } = input;
  const lines = [
    `Sync Runs evidence (${utc(input.now)})`,
    `Integration: ${input.integration}`,
    `Activity: ${question.activity}`,
    `Resource/parent: ${question.resource.trim() || '(any)'}`,
    `Record created at: ${utc(question.createdAt)}`,
    `Verdict: ${VERDICT_TITLES[verdict.kind]}`,
  ];
  const runsById = new Map(input.runs.map((r) => [r.run_id, r]));
  const relevant: SyncRun[] = [];
  if (verdict.kind === 'should-be-there') relevant.push(verdict.coveringRun);
  const latest = newestWithActivity(input.runs, question.activity);
  if (latest && !relevant.includes(latest)) relevant.push(latest);
  if (verdict.kind === 'not-synced-yet')
    lines.push(
      `Expected between ${utc(verdict.expected.earliest)} and ${utc(verdict.expected.latest)}`,
    );
  if (relevant.length > 0) lines.push('Runs:', ...relevant.map((r) => `  - ${runLine(r)}`));
  if (input.openSignatures.length > 0) {
    lines.push('Open failures:');
    for (const sig of input.openSignatures) {
      const recent = sig.runIds.slice(-3).map((id) => runsById.get(id)?.run_id ?? id);
      lines.push(
        `  - ${sig.activity} / ${sig.resource}${sig.parent ? ` / ${sig.parent}` : ''}: ${sig.reason}: ${sig.exampleMessage} (first ${sig.firstSeen}, last ${sig.lastSeen}, ${sig.runCount} runs; e.g. ${recent.join(', ')})`,
      );
    }
  }
  if (input.requestIds.length > 0)
    lines.push(`API request ids: ${input.requestIds.slice(0, 5).join(', ')}`);
  return lines.join('\n');
}
