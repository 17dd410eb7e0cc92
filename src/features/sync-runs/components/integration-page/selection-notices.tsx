// What the URL selects that the list does not show as asked: a run outside the window, a failure
// that does not occur, a failure being shown, a run hidden by the filters. Each offers the way out.
import { NOTICE } from '@/components/notice-styles';
import type { WindowInsights } from '@/features/sync-runs/hooks/use-window-insights';
import type { ViewActions } from '@/features/sync-runs/hooks/use-view-actions';

export type SelectionNoticesProps = {
  runId: string | null;
  insights: Pick<
    WindowInsights,
    | 'selectedMissing'
    | 'selectedHidden'
    | 'selectedSignature'
    | 'signatureMissing'
    | 'selectedAnomaly'
    | 'anomalyMissing'
  >;
  actions: Pick<ViewActions, 'selectRun' | 'selectSignature' | 'selectAnomaly' | 'clearFilters'>;
};

export function SelectionNotices({ runId, insights, actions }: SelectionNoticesProps) {
  const {
    selectedMissing,
    selectedHidden,
    selectedSignature,
    signatureMissing,
    selectedAnomaly,
    anomalyMissing,
  } = insights;
  return (
    <>
      {selectedMissing && (
        <p role="status" className={NOTICE.warning}>
          Run <code>{runId}</code> did not start in this window. Choose a wider window or clear the
          selection.{' '}
          <button type="button" className="underline" onClick={() => actions.selectRun(null)}>
            Clear selection
          </button>
        </p>
      )}
      {signatureMissing && (
        <p role="status" className={NOTICE.warning}>
          That failure does not occur in this window, so all runs are shown.{' '}
          <button type="button" className="underline" onClick={() => actions.selectSignature(null)}>
            Dismiss
          </button>
        </p>
      )}
      {selectedSignature && (
        <p role="status" className={NOTICE.highlight}>
          Showing the {selectedSignature.runCount} runs where {selectedSignature.resource} failed (
          {selectedSignature.reason}).{' '}
          <button type="button" className="underline" onClick={() => actions.selectSignature(null)}>
            Show all runs
          </button>
        </p>
      )}
      {anomalyMissing && (
        <p role="status" className={NOTICE.warning}>
          That unusual activity is not found in this window, so all runs are shown.{' '}
          <button type="button" className="underline" onClick={() => actions.selectAnomaly(null)}>
            Dismiss
          </button>
        </p>
      )}
      {selectedAnomaly && (
        <p role="status" className={NOTICE.highlight}>
          Showing the {selectedAnomaly.runIds.length} runs behind: {selectedAnomaly.sentence}{' '}
          <button type="button" className="underline" onClick={() => actions.selectAnomaly(null)}>
            Show all runs
          </button>
        </p>
      )}
      {selectedHidden && (
        <p role="status" className={NOTICE.info}>
          The selected run is hidden by the filters.{' '}
          <button type="button" className="underline" onClick={actions.clearFilters}>
            Clear filters
          </button>
        </p>
      )}
    </>
  );
}
