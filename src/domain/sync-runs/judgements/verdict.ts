// The answer to "I created X — where is it?", from the sync history alone.
import type { SyncRun } from '@/lib/api/schemas';
import { learnCadence, visibleBy, type Cadence, type TimeRange } from './cadence';
import { failureSignatures, type FailureSignature } from './signatures';
import type { Anomaly } from '@/domain/sync-runs/judgements/anomalies/anomaly';
import { finishedHistory } from '@/domain/sync-runs/judgements/anomalies/history';
import { findsNothing } from '@/domain/sync-runs/judgements/anomalies/volume';
import { runStartMs, startOrEarliest } from '@/domain/sync-runs/model/run-times';

export type RecordQuestion = {
  activity: string;
  /** Optional resource or parent (board, company, …) the record belongs to; matched as text. */
  resource: string;
  createdAt: number;
};

export type Verdict =
  | { kind: 'not-synced-yet'; expected: TimeRange; lastRunStart: string; cadence: Cadence }
  | { kind: 'should-be-there'; coveringRun: SyncRun; cadence: Cadence | null }
  | { kind: 'blocked'; signatures: FailureSignature[] }
  | {
      kind: 'not-running';
      lastRunStart: string | null;
      cadence: Cadence | null;
      skippedMessage: string | null;
    }
  | { kind: 'not-enough-history'; runs: number }
  /** The activity runs and succeeds, but has found nothing since before the record was created. */
  | { kind: 'finds-nothing'; anomaly: Anomaly; cadence: Cadence };

/** Several missed cadences in a row mean the sync is not running. */
const NOT_RUNNING_CADENCES = 3;

function matchesResource(signature: FailureSignature, resource: string): boolean {
  const q = resource.trim().toLowerCase();
  if (!q) return true;
  return (
    signature.resource.toLowerCase().includes(q) ||
    (signature.parent ?? '').toLowerCase().includes(q)
  );
}

export function answerRecordQuestion(
  runs: readonly SyncRun[],
  question: RecordQuestion,
  now: number,
): Verdict {
  const withActivity = runs
    .filter((run) => run.activities.some((a) => a.activity_label === question.activity))
    .filter((run) => runStartMs(run) !== null)
    .sort((a, b) => startOrEarliest(b) - startOrEarliest(a));
  const learned = learnCadence(withActivity);
  if (!learned.ok) {
    const skipped = runs.filter((r) => r.status === 'SKIPPED');
    if (withActivity.length === 0 && skipped.length > 0)
      return {
        kind: 'not-running',
        lastRunStart: null,
        cadence: null,
        skippedMessage: skipped[0]?.dashboard_message ?? null,
      };
    return { kind: 'not-enough-history', runs: withActivity.length };
  }
  const cadence = learned.cadence;
  const latest = withActivity[0] as SyncRun;
  const latestStart = startOrEarliest(latest);

  // Not running: no run of this activity for several cadences (SKIPPED runs do not sync anything).
  if (now - latestStart > NOT_RUNNING_CADENCES * cadence.intervalHighMs) {
    const newestSkipped = runs
      .filter((r) => r.status === 'SKIPPED' && startOrEarliest(r) > latestStart)
      .sort((a, b) => startOrEarliest(b) - startOrEarliest(a))[0];
    return {
      kind: 'not-running',
      lastRunStart: latest.started_at,
      cadence,
      skippedMessage: newestSkipped?.dashboard_message ?? null,
    };
  }

  // Runs that succeed but see nothing cannot have brought a record created while they did.
  const nothing = findsNothing(finishedHistory(runs), question.activity);
  if (nothing && Date.parse(nothing.since) <= question.createdAt)
    return { kind: 'finds-nothing', anomaly: nothing, cadence };

  const open = failureSignatures(withActivity).filter(
    (s) =>
      s.state === 'open' &&
      s.activity === question.activity &&
      matchesResource(s, question.resource),
  );
  if (open.length > 0 && question.resource.trim() !== '')
    return { kind: 'blocked', signatures: open };

  // The first finished run that started after the record was created covers it.
  const covering = withActivity
    .filter(
      (run) =>
        startOrEarliest(run) > question.createdAt &&
        run.status !== 'RUNNING' &&
        run.finished_at !== null,
    )
    .sort((a, b) => startOrEarliest(a) - startOrEarliest(b))[0];
  if (covering) {
    if (open.length > 0) return { kind: 'blocked', signatures: open };
    return { kind: 'should-be-there', coveringRun: covering, cadence };
  }
  if (open.length > 0) return { kind: 'blocked', signatures: open };
  // A run already in progress that started after the record was created will bring it.
  const inProgress = withActivity.find(
    (run) => run.status === 'RUNNING' && startOrEarliest(run) > question.createdAt,
  );
  if (inProgress) {
    const s = startOrEarliest(inProgress);
    return {
      kind: 'not-synced-yet',
      expected: {
        earliest: Math.max(now, s + cadence.durationMs),
        latest: Math.max(now, s + cadence.durationHighMs),
      },
      lastRunStart: inProgress.started_at as string,
      cadence,
    };
  }
  return {
    kind: 'not-synced-yet',
    expected: visibleBy(cadence, latestStart, question.createdAt),
    lastRunStart: latest.started_at as string,
    cadence,
  };
}
