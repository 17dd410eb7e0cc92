// The integration is not connected (or not available to this tenant): say so, and answer the record
// question with that, instead of an empty chart.
import type { IntegrationUnavailable } from '@/domain/sync-runs/model/integration-state';
import { AnswerPanel } from '@/features/sync-runs/components/insights/answer-panel';

export function UnavailablePanel({
  integrationName,
  unavailable,
  now,
  onShowRun,
}: {
  integrationName: string;
  unavailable: IntegrationUnavailable;
  now: number;
  onShowRun: (runId: string | null) => void;
}) {
  return (
    <>
      <div className="rounded border border-slate-300 bg-white p-4">
        <p className="font-semibold">{unavailable.title}</p>
        <p className="mt-1 text-sm text-slate-700">{unavailable.explanation}</p>
      </div>
      <AnswerPanel
        integrationName={integrationName}
        runs={[]}
        activities={[]}
        now={now}
        isComplete
        unavailable={unavailable}
        requestIds={[]}
        signatures={[]}
        onShowRun={onShowRun}
      />
    </>
  );
}
