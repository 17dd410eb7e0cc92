// The record finder's answer, in plain words: one view per kind of verdict, each with the evidence
// (times, cadence, failures and what usually fixes them).
import { Fragment } from 'react';
import { TimeText } from '@/components/time-text';
import { failureSentence } from '@/domain/sync-runs/judgements/failure-text';
import { adviceForReason } from '@/domain/sync-runs/judgements/reason-advice';
import type { Verdict } from '@/domain/sync-runs/judgements/verdict';
import { formatDuration } from '@/lib/format/time';
import { plural } from '@/lib/format/plural';

type VerdictOf<K extends Verdict['kind']> = Extract<Verdict, { kind: K }>;

/** The failures in the way (at most three), each with what usually fixes it. */
function BlockedVerdict({ verdict }: { verdict: VerdictOf<'blocked'> }) {
  return (
    <>
      <p className="text-base font-semibold text-red-900">Blocked by a failure</p>
      <ul className="space-y-2">
        {verdict.signatures.slice(0, 3).map((sig) => (
          <li key={sig.key}>
            <p>
              {failureSentence(sig, {
                resource: (text) => <strong>{text}</strong>,
                reason: (text) => <code>{text}</code>,
                since: (iso) => <TimeText iso={iso} />,
              }).map((part, i) => (
                <Fragment key={i}>{part}</Fragment>
              ))}
            </p>
            <p className="text-slate-700">What usually fixes it: {adviceForReason(sig.reason)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** No run of the activity lately: since when, how often it used to run, and who can help. */
function NotRunningVerdict({ verdict }: { verdict: VerdictOf<'not-running'> }) {
  return (
    <>
      <p className="text-base font-semibold text-amber-900">Sync not running</p>
      <p>
        {verdict.lastRunStart ? (
          <>
            No run of this activity since <TimeText iso={verdict.lastRunStart} show="both" />
            {verdict.cadence
              ? `, although it normally runs every ${formatDuration(verdict.cadence.intervalMs)}`
              : ''}
            .
          </>
        ) : (
          'This activity has not run in the selected window.'
        )}
        {verdict.skippedMessage && ` Recent runs were skipped: “${verdict.skippedMessage}”.`}{' '}
        Nothing new arrives until syncing resumes: a Neo admin can check the integration's
        connection in Neo, or contact Neo support with the details below.
      </p>
    </>
  );
}

export function VerdictView({
  verdict,
  now,
  onShowRun,
}: {
  verdict: Verdict;
  now: number;
  onShowRun: (id: string) => void;
}) {
  const at = (ms: number) => <TimeText iso={new Date(ms).toISOString()} />;
  switch (verdict.kind) {
    case 'not-synced-yet':
      return (
        <>
          <p className="text-base font-semibold text-blue-900">Not synced yet</p>
          <p>
            It was created after the last run of this activity began, at{' '}
            <TimeText iso={verdict.lastRunStart} show="both" />. Expect it between{' '}
            <strong>{at(verdict.expected.earliest)}</strong> and{' '}
            <strong>{at(verdict.expected.latest)}</strong>
            {verdict.expected.latest > now
              ? ` (within ${formatDuration(verdict.expected.latest - now)})`
              : ''}
            , based on runs every {formatDuration(verdict.cadence.intervalMs)} that take about{' '}
            {formatDuration(verdict.cadence.durationMs)}.
          </p>
        </>
      );
    case 'should-be-there':
      return (
        <>
          <p className="text-base font-semibold text-green-900">Should already be there</p>
          <p>
            A run that started <TimeText iso={verdict.coveringRun.started_at} show="both" /> — after
            it was created — finished without failures for this activity. If the record is still
            missing, it is probably filtered out or mapped differently (for example a board, company
            or type the integration does not sync).
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="button"
              className="text-blue-700 underline"
              onClick={() => onShowRun(verdict.coveringRun.run_id)}
            >
              Show that run
            </button>
          </div>
        </>
      );
    case 'blocked':
      return <BlockedVerdict verdict={verdict} />;
    case 'not-running':
      return <NotRunningVerdict verdict={verdict} />;
    case 'finds-nothing':
      return (
        <>
          <p className="text-base font-semibold text-amber-900">Sync runs but finds nothing</p>
          <p>
            {verdict.anomaly.sentence} A record created since then cannot have come through: the
            runs succeed, but they do not see it.
          </p>
          <p className="text-slate-700">
            What usually causes this: the integration's account lost a permission in the PSA, a
            filter or board, type or company mapping changed, or the account now points at another
            site. A Neo admin can check the integration's connection and mappings in Neo.
          </p>
        </>
      );
    case 'not-enough-history':
      return (
        <>
          <p className="text-base font-semibold">Not enough history</p>
          <p>
            Only {plural(verdict.runs, 'run')} of this activity in the window: too few to learn when
            it runs. Choose a longer window.
          </p>
        </>
      );
  }
}
