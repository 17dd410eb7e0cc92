// "I created X — where is it?": the user says what and when; the history answers in plain words.
import { memo, useId, useMemo, useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import type { SyncRun } from '@/lib/api/schemas';
import { useTimeZone } from '@/lib/time/use-time-zone';
import { readLocalInput, toLocalInput } from '@/domain/sync-runs/view/custom-range';
import type { FailureSignature } from '@/domain/sync-runs/judgements/signatures';
import { buildSupportEvidence } from '@/domain/sync-runs/judgements/support-evidence';
import { answerRecordQuestion } from '@/domain/sync-runs/judgements/verdict';
import type { IntegrationUnavailable } from '@/domain/sync-runs/model/integration-state';
import { VerdictView } from './verdict-view';
import { FIELD } from '@/components/field-styles';
import { zoneName } from '@/lib/format/time-zones';

export type AnswerPanelProps = {
  integrationName: string;
  runs: readonly SyncRun[];
  activities: string[];
  now: number;
  isComplete: boolean;
  unavailable: IntegrationUnavailable | null;
  onShowRun: (runId: string) => void;
  /** request_id of each page loaded, for the support evidence. */
  requestIds: readonly string[];
  /** The window's failure signatures (derived once by the page). */
  signatures: readonly FailureSignature[];
};

type Question = { activity: string; resource: string; created: string };

type RecordQuestionFormProps = {
  activities: string[];
  /** The activity asked about (the first one until one is chosen). */
  chosen: string;
  question: Question;
  onChange: (change: Partial<Question>) => void;
  now: number;
  timeZone: string | undefined;
};

/** What was created, where, and when (in the shown time zone; empty is now). */
function RecordQuestionForm({
  activities,
  chosen,
  question,
  onChange,
  now,
  timeZone,
}: RecordQuestionFormProps) {
  const ids = { activity: useId(), resource: useId(), created: useId() };
  return (
    <form className="mt-2 grid gap-2 text-sm sm:grid-cols-3" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={ids.activity} className="flex flex-col gap-1">
        What did you create?
        <select
          id={ids.activity}
          value={chosen}
          onChange={(e) => onChange({ activity: e.target.value })}
          className={FIELD}
        >
          {activities.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.resource} className="flex flex-col gap-1">
        In which resource or parent (optional)
        <input
          id={ids.resource}
          value={question.resource}
          onChange={(e) => onChange({ resource: e.target.value })}
          placeholder="e.g. a board or company"
          className={FIELD}
        />
      </label>
      <label htmlFor={ids.created} className="flex flex-col gap-1">
        When ({zoneName(timeZone)}; empty = now)
        <input
          id={ids.created}
          type="datetime-local"
          value={question.created}
          max={toLocalInput(new Date(now).toISOString(), timeZone)}
          onChange={(e) => onChange({ created: e.target.value })}
          className={FIELD}
        />
      </label>
    </form>
  );
}

export const AnswerPanel = memo(function AnswerPanel({
  integrationName,
  runs,
  activities,
  now,
  isComplete,
  unavailable,
  onShowRun,
  requestIds,
  signatures,
}: AnswerPanelProps) {
  const timeZone = useTimeZone();
  const [question, setQuestion] = useState<Question>({ activity: '', resource: '', created: '' });
  const { resource, created } = question;
  const chosen = question.activity || activities[0] || '';
  const createdAt = readLocalInput(created, timeZone) ?? now;
  const verdict = useMemo(
    () =>
      chosen ? answerRecordQuestion(runs, { activity: chosen, resource, createdAt }, now) : null,
    [runs, chosen, resource, createdAt, now],
  );
  const openSignatures = useMemo(
    () => signatures.filter((sig) => sig.state === 'open' && sig.activity === chosen),
    [signatures, chosen],
  );
  const supportText = useMemo(
    () =>
      verdict
        ? buildSupportEvidence({
            integration: integrationName,
            question: { activity: chosen, resource, createdAt },
            verdict,
            runs,
            openSignatures,
            requestIds,
            now,
          })
        : '',
    [verdict, integrationName, chosen, resource, createdAt, runs, openSignatures, requestIds, now],
  );

  return (
    <section
      aria-labelledby="answer-heading"
      className="rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 id="answer-heading" className="font-semibold">
        Where is my record?
      </h2>
      {unavailable ? (
        <div className="mt-2 text-sm">
          <p className="text-base font-semibold text-amber-900">Sync not running</p>
          <p>
            {unavailable.title}: {unavailable.explanation}
          </p>
        </div>
      ) : activities.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No activities in this window yet.</p>
      ) : (
        <>
          <RecordQuestionForm
            activities={activities}
            chosen={chosen}
            question={question}
            onChange={(change) => setQuestion((before) => ({ ...before, ...change }))}
            now={now}
            timeZone={timeZone}
          />
          {!isComplete && (
            <p className="mt-2 text-xs text-slate-600">
              Still loading runs: the answer may change.
            </p>
          )}
          {verdict && (
            <div
              role="status"
              aria-live="polite"
              className="mt-3 space-y-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm"
            >
              <VerdictView verdict={verdict} now={now} onShowRun={onShowRun} />
              <CopyButton
                value={supportText}
                label="Copy details for Neo support"
                text="Copy evidence for a support ticket"
              />
            </div>
          )}
        </>
      )}
    </section>
  );
});
