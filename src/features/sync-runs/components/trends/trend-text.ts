// The trend charts' text alternatives: what a chart shows, in one or two sentences a screen reader
// (or anyone without the chart) can read.
import type {
  ActivityTrend,
  DurationTrend,
  Figures,
  TrendMark,
} from '@/domain/sync-runs/judgements/trends';
import { formatDuration } from '@/lib/format/time';
import { plural } from '@/lib/format/plural';

const number = new Intl.NumberFormat('en-US');

function range(figures: Figures, format: (n: number) => string): string {
  return figures.min === figures.max
    ? `always ${format(figures.min)}`
    : `usually ${format(figures.median)} (from ${format(figures.min)} to ${format(figures.max)}), latest ${format(figures.latest)}`;
}

function runs(n: number): string {
  return plural(n, 'run', 'runs', number.format);
}

function marked(marks: readonly TrendMark[]): string {
  return marks.length === 0
    ? ' Nothing unusual marked.'
    : ` Marked as unusual: ${marks.map((m) => m.sentence).join(' ')}`;
}

const count = (n: number) => number.format(Math.round(n));

export function activityTrendText(trend: ActivityTrend): string {
  return `${trend.activity} over ${runs(trend.runs)}: items seen ${range(trend.seen, count)}; items synced ${range(trend.synced, count)}.${marked(trend.marks)}`;
}

export function durationTrendText(trend: DurationTrend): string {
  return `Run duration over ${runs(trend.runs)}: ${range(trend.figures, formatDuration)}.${marked(trend.marks)}`;
}
