// Trends per activity over a window: what each activity saw and synced per run, and how long runs
// took, one point per run or, when runs are denser than the chart can show, the median of each
// period (as the timeline groups runs). The periods the detectors found unusual are marked.
import type { SyncRun } from '@/lib/api/schemas';
import type { Anomaly, AnomalyKind } from '@/domain/sync-runs/judgements/anomalies/anomaly';
import { finishedHistory, type HistoryRun } from '@/domain/sync-runs/judgements/anomalies/history';
import { percentile, sortedCopy } from './stats';
import type { RunWindowMs } from '@/domain/sync-runs/model/window';

export type CountPoint = { t: number; seen: number; synced: number; runs: number };
export type DurationPoint = { t: number; durationMs: number; runs: number };

/** A period a detector found unusual, drawn as a shaded band. */
export type TrendMark = { kind: AnomalyKind; from: number; to: number; sentence: string };

export type Figures = { median: number; min: number; max: number; latest: number };

export type ActivityTrend = {
  activity: string;
  points: CountPoint[];
  /** Over every run in which the activity ran (not over the periods' medians). */
  seen: Figures;
  synced: Figures;
  runs: number;
  marks: TrendMark[];
};

export type DurationTrend = {
  points: DurationPoint[];
  figures: Figures;
  runs: number;
  marks: TrendMark[];
};

export type Trends = {
  /** null: one point per run; else each point is the median of a period this long. */
  bucketMs: number | null;
  activities: ActivityTrend[];
  duration: DurationTrend | null;
};

/** Run-level findings shown on the duration chart (the failure rate is the timeline's to show). */
const DURATION_KINDS: ReadonlySet<AnomalyKind> = new Set(['slower-runs', 'long-running']);

function median(values: number[]): number {
  return percentile(sortedCopy(values), 0.5);
}

function figuresOf(values: number[]): Figures {
  const sorted = sortedCopy(values);
  return {
    median: percentile(sorted, 0.5),
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0,
    latest: values.at(-1) ?? 0,
  };
}

type Sample = { t: number; values: number[] };

/** One point per sample, or per period of `bucketMs` (medians, placed at the period's middle). */
function bucketed(samples: Sample[], since: number, bucketMs: number | null) {
  if (bucketMs === null) return samples.map((s) => ({ t: s.t, values: s.values, runs: 1 }));
  const periods = new Map<number, number[][]>();
  for (const sample of samples) {
    const index = Math.floor((sample.t - since) / bucketMs);
    const columns = periods.get(index) ?? sample.values.map(() => []);
    sample.values.forEach((v, i) => columns[i]!.push(v));
    periods.set(index, columns);
  }
  return [...periods.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, columns]) => ({
      t: since + index * bucketMs + bucketMs / 2,
      values: columns.map(median),
      runs: columns[0]!.length,
    }));
}

function markOf(anomaly: Anomaly, byId: ReadonlyMap<string, HistoryRun>, until: number): TrendMark {
  let to = Date.parse(anomaly.since);
  for (const id of anomaly.runIds) {
    const run = byId.get(id);
    if (run) to = Math.max(to, run.start + (run.durationMs ?? 0));
  }
  // A finding still going on (a run still running) reaches the end of the window.
  if (anomaly.kind === 'long-running') to = until;
  return { kind: anomaly.kind, from: Date.parse(anomaly.since), to, sentence: anomaly.sentence };
}

/** Activities in the order the newest run lists them, then any that only older runs had. */
function activityOrder(history: readonly HistoryRun[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (let i = history.length - 1; i >= 0; i -= 1) {
    for (const label of history[i]!.activities.keys()) {
      if (!seen.has(label)) {
        seen.add(label);
        order.push(label);
      }
    }
  }
  return order;
}

/**
 * The trends of a window's finished runs (SKIPPED and RUNNING runs have no counts or duration to
 * show). `maxPoints`: more runs than this in the window are grouped into that many periods.
 */
export function buildTrends(
  runs: readonly SyncRun[],
  window: RunWindowMs,
  anomalies: readonly Anomaly[],
  maxPoints = 120,
): Trends {
  const history = finishedHistory(runs).filter(
    (run) => run.start >= window.since && run.start < window.until,
  );
  const span = Math.max(1, window.until - window.since);
  const bucketMs = history.length > maxPoints ? Math.ceil(span / Math.max(1, maxPoints)) : null;
  const byId = new Map(history.map((run) => [run.run.run_id, run]));
  const marks = anomalies.map((anomaly) => ({
    anomaly,
    mark: markOf(anomaly, byId, window.until),
  }));

  const activities = activityOrder(history).map((activity): ActivityTrend => {
    const samples: Sample[] = [];
    for (const run of history) {
      const point = run.activities.get(activity);
      if (point) samples.push({ t: run.start, values: [point.total, point.synced] });
    }
    return {
      activity,
      points: bucketed(samples, window.since, bucketMs).map((p) => ({
        t: p.t,
        seen: p.values[0]!,
        synced: p.values[1]!,
        runs: p.runs,
      })),
      seen: figuresOf(samples.map((s) => s.values[0]!)),
      synced: figuresOf(samples.map((s) => s.values[1]!)),
      runs: samples.length,
      marks: marks.filter((m) => m.anomaly.activity === activity).map((m) => m.mark),
    };
  });

  const timed: Sample[] = [];
  for (const run of history)
    if (run.durationMs !== null) timed.push({ t: run.start, values: [run.durationMs] });
  const duration: DurationTrend | null =
    timed.length === 0
      ? null
      : {
          points: bucketed(timed, window.since, bucketMs).map((p) => ({
            t: p.t,
            durationMs: p.values[0]!,
            runs: p.runs,
          })),
          figures: figuresOf(timed.map((s) => s.values[0]!)),
          runs: timed.length,
          marks: marks
            .filter((m) => m.anomaly.activity === null && DURATION_KINDS.has(m.anomaly.kind))
            .map((m) => m.mark),
        };
  return { bucketMs, activities, duration };
}
