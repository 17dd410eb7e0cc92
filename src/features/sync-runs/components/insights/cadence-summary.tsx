// What the history says about the rhythm of this sync: interval, duration, next run, missed runs.
import { formatDuration } from '@/lib/format/time';
import type { CadenceResult } from '@/domain/sync-runs/judgements/cadence';
import { nextRunExpected } from '@/domain/sync-runs/judgements/cadence';
import { TimeText } from '@/components/time-text';
import { pluralWord } from '@/lib/format/plural';

export type CadenceSummaryProps = {
  result: CadenceResult;
  lastStart: number | null;
  missed: number;
  now: number;
};

/** Cadences read better rounded: "30m", not "29m 59s". */
function approx(ms: number): string {
  return formatDuration(ms >= 10 * 60_000 ? Math.round(ms / 60_000) * 60_000 : ms);
}

export function CadenceSummary({ result, lastStart, missed, now }: CadenceSummaryProps) {
  if (!result.ok) {
    return (
      <p className="text-sm text-slate-700">
        Not enough history to learn this sync's rhythm ({result.runs} runs with a start time in this
        window).
      </p>
    );
  }
  const c = result.cadence;
  const next = lastStart !== null ? nextRunExpected(c, lastStart, now) : null;
  return (
    <p className="text-sm text-slate-700">
      Runs about every <strong>{approx(c.intervalMs)}</strong> (9 in 10 within{' '}
      {approx(c.intervalHighMs)}) and usually take {formatDuration(c.durationMs)} (up to{' '}
      {formatDuration(c.durationHighMs)}).
      {next && (
        <>
          {' '}
          {next.overdue
            ? 'The next run is overdue; it was expected by '
            : 'Next run expected between '}
          {next.overdue && lastStart !== null ? (
            <TimeText iso={new Date(lastStart + c.intervalHighMs).toISOString()} />
          ) : (
            <>
              <TimeText iso={new Date(next.earliest).toISOString()} /> and{' '}
              <TimeText iso={new Date(next.latest).toISOString()} />
            </>
          )}
          .
        </>
      )}{' '}
      {missed > 0 ? (
        <strong className="text-amber-800">
          {missed} expected {pluralWord(missed, 'run')} did not start in this window (hollow marks
          on the timeline).
        </strong>
      ) : (
        'No missed runs in this window.'
      )}
    </p>
  );
}
