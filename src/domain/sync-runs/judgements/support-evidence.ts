// The plain-text evidence a user pastes into a support ticket: what was asked, the verdict, the runs
// and request ids behind it, times in UTC. Only data the API already returned, credentials in it
// redacted; never the session's token.
import type { SyncRun } from '@/lib/api/schemas';
import { redactCredentials } from '@/lib/format/redact-credentials';
import { oneLine } from '@/lib/format/spreadsheet-safe';
import type { FailureSignature } from './signatures';
import type { RecordQuestion, Verdict } from './verdict';
import { runStartMs } from '@/domain/sync-runs/model/run-times';

export const VERDICT_TITLES: Record<Verdict['kind'], string> = {
  'not-synced-yet': 'Not synced yet',
  'should-be-there': 'Should already be there',
  blocked: 'Blocked by a failure',
  'not-running': 'Sync not running',
  'not-enough-history': 'Not enough history',
  'finds-nothing': 'Sync runs but finds nothing',
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

/**
 * API text on one line (pasted into a sheet, a tab or line break would start a new cell), with any
 * credential it carries redacted (an integration's error may echo the request it failed).
 */
const text = (value: string | null) => (value === null ? 'n/a' : oneLine(redactCredentials(value)));

function runLine(run: SyncRun): string {
  return [
    `run ${text(run.run_id)}`,
    `status ${run.status}`,
    `started ${text(run.started_at)}`,
    `finished ${text(run.finished_at)}`,
    `temporal_workflow_id ${text(run.temporal_workflow_id)}`,
    `temporal_run_id ${text(run.temporal_run_id)}`,
  ].join(', ');
}

function newestWithActivity(runs: readonly SyncRun[], activity: string): SyncRun | undefined {
  let newest: SyncRun | undefined;
  let newestStart = -Infinity;
  for (const run of runs) {
    const start = runStartMs(run);
    if (start === null || !(start > newestStart)) continue;
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
    `Integration: ${text(input.integration)}`,
    `Activity: ${text(question.activity)}`,
    `Resource/parent: ${text(question.resource.trim()) || '(any)'}`,
    `Record created at: ${utc(question.createdAt)}`,
    `Verdict: ${VERDICT_TITLES[verdict.kind]}`,
  ];
  const runsById = new Map(input.runs.map((r) => [r.run_id, r]));
  const relevant: SyncRun[] = [];
  if (verdict.kind === 'should-be-there') relevant.push(verdict.coveringRun);
  const latest = newestWithActivity(input.runs, question.activity);
  if (latest && !relevant.includes(latest)) relevant.push(latest);
  if (verdict.kind === 'finds-nothing')
    lines.push(`Unusual activity: ${text(verdict.anomaly.sentence)}`);
  if (verdict.kind === 'not-synced-yet')
    lines.push(
      `Expected between ${utc(verdict.expected.earliest)} and ${utc(verdict.expected.latest)}`,
    );
  // Every line starts with a label or "*", never with API text or "-": pasted into a spreadsheet,
  // no line can become a formula.
  if (relevant.length > 0) lines.push('Runs:', ...relevant.map((r) => `  * ${runLine(r)}`));
  if (input.openSignatures.length > 0) {
    lines.push('Open failures:');
    for (const sig of input.openSignatures) {
      const recent = sig.runIds.slice(-3).map((id) => text(runsById.get(id)?.run_id ?? id));
      lines.push(
        `  * ${text(sig.activity)} / ${text(sig.resource)}${sig.parent ? ` / ${text(sig.parent)}` : ''}: ${text(sig.reason)}: ${text(sig.exampleMessage)} (first ${text(sig.firstSeen)}, last ${text(sig.lastSeen)}, ${sig.runCount} runs; e.g. ${recent.join(', ')})`,
      );
    }
  }
  if (input.requestIds.length > 0)
    lines.push(`API request ids: ${input.requestIds.slice(0, 5).map(text).join(', ')}`);
  return lines.join('\n');
}
