// Paging progress, halts, unreadable runs and a retry that resumes from the failed page.
import { NOTICE } from '@/components/notice-styles';
import { ErrorPanel } from '@/components/error-panel';
import type { RunProblem } from '@/lib/api/sync-runs';
import { HALT_MESSAGES, type PagingHalt } from '@/domain/sync-runs/fetching/paging';
import { plural, pluralWord } from '@/lib/format/plural';

export type LoadProgressProps = {
  loaded: number;
  /** Share of the window's time read so far, 0–1. */
  progress?: number;
  /** Single pages that needed a retry (429, 5xx, lost connection) on the way. */
  retries?: number;
  isComplete: boolean;
  isFetchingMore: boolean;
  /** Why loading stopped short of the window's end, if it did. */
  halt: PagingHalt | null;
  nextPageError: unknown;
  onResume: () => void;
  problems: RunProblem[];
  warnings: string[];
};

const count = new Intl.NumberFormat();

export function LoadProgress(props: LoadProgressProps) {
  const { loaded, isComplete, halt, nextPageError, problems, warnings } = props;
  const retries = props.retries ?? 0;
  const percent = props.progress === undefined ? null : Math.floor(props.progress * 100);
  const retried =
    retries > 0 ? ` ${plural(retries, 'request was', 'requests were', count.format)} retried.` : '';
  return (
    <div className="space-y-2">
      <p role="status" className="text-sm text-slate-700">
        {isComplete
          ? `${count.format(loaded)} runs loaded.${retried}`
          : `Loaded ${count.format(loaded)} runs…${percent !== null ? ` (${percent} % of the window)` : ''}${retried}`}
      </p>
      {!isComplete && percent !== null && halt === null && (
        <div
          role="progressbar"
          aria-label="Window loaded"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-1.5 w-full max-w-md overflow-hidden rounded bg-slate-200"
        >
          <div
            className="h-full bg-blue-600 transition-[width] duration-300"
            style={{ width: `${percent}%` }}
          />
        </div>
      )}
      {halt !== null && (
        <p role="alert" className={NOTICE.warning}>
          {HALT_MESSAGES[halt]}
        </p>
      )}
      {nextPageError !== null && (
        <ErrorPanel
          title={`Loading stopped after ${count.format(loaded)} runs`}
          error={nextPageError}
          onRetry={props.onResume}
          retryLabel="Retry from where it stopped"
        />
      )}
      {problems.length > 0 && (
        <div role="alert" className={NOTICE.warning}>
          <p className="font-medium">
            {plural(problems.length, 'run')} could not be read and{' '}
            {pluralWord(problems.length, 'is', 'are')} not shown in the table:
          </p>
          <ul className="mt-1 list-disc pl-5">
            {problems.slice(0, 5).map((problem) => (
              <li key={`${problem.runId ?? 'unknown'}-${problem.index}`}>
                {problem.runId ? <code>{problem.runId}</code> : 'A run without an id'}:{' '}
                {problem.issues.join('; ')}
              </li>
            ))}
          </ul>
          {problems.length > 5 && <p>…and {problems.length - 5} more.</p>}
        </div>
      )}
      {warnings.map((warning) => (
        <p key={warning} className={NOTICE.warning}>
          API warning: {warning}
        </p>
      ))}
    </div>
  );
}
