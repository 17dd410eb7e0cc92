// What the integration page derives from its runs and the URL: the filtered lists for the chart and
// the table, failure signatures, cadence and missed runs, freshness, and what the selection refers to.
import { useDeferredValue, useMemo } from 'react';
import { anomalyId } from '@/domain/sync-runs/judgements/anomalies/anomaly';
import { detectAnomalies } from '@/domain/sync-runs/judgements/anomalies/detect';
import { findMissedRuns } from '@/domain/sync-runs/judgements/cadence';
import { filterRuns } from '@/domain/sync-runs/model/filter-runs';
import type { ViewParams } from '@/domain/sync-runs/view/view-params';
import {
  cadenceOf,
  countsOf,
  freshnessOf,
  latestRunOf,
  latestStartOf,
  signaturesOf,
} from '@/domain/sync-runs/view/window-derivations';
import type { RunWindowMs } from '@/domain/sync-runs/model/window';
import type { SyncRun } from '@/lib/api/schemas';

export function useWindowInsights(
  runs: readonly SyncRun[],
  params: ViewParams,
  { shown, isComplete, now }: { shown: RunWindowMs; isComplete: boolean; now: number },
) {
  const signatures = signaturesOf(runs);
  const selectedSignature = signatures.find((sig) => sig.id === params.sig) ?? null;
  // Judged once every run has loaded: a half-read window would say "unusual" about what is missing.
  // Deferred once more: judging 8,640 runs is a render of its own, after the other derivations.
  const judged = useDeferredValue(isComplete ? runs : null);
  const anomalies = useMemo(() => (judged ? detectAnomalies(judged, now) : null), [judged, now]);
  const selectedAnomaly =
    anomalies?.anomalies.find((anomaly) => anomalyId(anomaly) === params.anomaly) ?? null;
  // The runs a selection focuses on: a failure signature's, or an unusual-activity finding's.
  const focusRuns = useMemo(
    () =>
      selectedSignature
        ? new Set(selectedSignature.runIds)
        : selectedAnomaly
          ? new Set(selectedAnomaly.runIds)
          : null,
    [selectedSignature, selectedAnomaly],
  );
  // The chart shows the status/text filters and highlights a selected signature; the table lists only it.
  const chartRuns = useMemo(() => filterRuns(runs, params), [runs, params]);
  const filtered = useMemo(
    () => (focusRuns ? chartRuns.filter((run) => focusRuns.has(run.run_id)) : chartRuns),
    [chartRuns, focusRuns],
  );
  const cadence = cadenceOf(runs);
  const missed = useMemo(
    () => (cadence.ok && isComplete ? findMissedRuns(runs, cadence.cadence, shown, now) : []),
    [cadence, isComplete, runs, shown, now],
  );
  const freshness = freshnessOf(runs);
  const activities = useMemo(() => freshness.map((f) => f.activity), [freshness]);
  const selectedMissing =
    params.run !== null && isComplete && !runs.some((run) => run.run_id === params.run);
  return {
    signatures,
    selectedSignature,
    /** `sig` names a failure that this window does not have. */
    signatureMissing: params.sig !== null && !selectedSignature && isComplete,
    focusRuns,
    anomalies,
    selectedAnomaly,
    /** `anomaly` names a finding that this window does not have. */
    anomalyMissing: params.anomaly !== null && anomalies !== null && !selectedAnomaly,
    chartRuns,
    filtered,
    cadence,
    missed,
    freshness,
    activities,
    lastStart: latestStartOf(runs),
    counts: countsOf(runs),
    latest: latestRunOf(runs),
    /** The selected run did not start in this window. */
    selectedMissing,
    /** The selected run is in the window but the filters hide it. */
    selectedHidden:
      params.run !== null && !selectedMissing && !filtered.some((run) => run.run_id === params.run),
  };
}

export type WindowInsights = ReturnType<typeof useWindowInsights>;
