// The runs of a window, newest first.
import type { SyncRun } from '../../../lib/api/schemas';
import { durationMs, formatDateTime, formatDuration } from '../../../lib/format/time';
import { failureCount, syncedTotals } from '../model/run-status';
import { StatusBadge } from './status-badge';

const count = new Intl.NumberFormat();

export function RunsTable({ runs, now }: { runs: SyncRun[]; now: number }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} aria-label="Sync runs table">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Sync runs, newest first</caption>
        <thead className="bg-slate-100 text-xs text-slate-700 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Started</th>
            <th scope="col" className="px-3 py-2">Duration</th>
            <th scope="col" className="px-3 py-2">Synced / total</th>
            <th scope="col" className="px-3 py-2">Failures</th>
            <th scope="col" className="px-3 py-2">Message</th>
            <th scope="col" className="px-3 py-2">Run id</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => {
            const totals = syncedTotals(run);
            return (
              <tr key={run.run_id}>
                <td className="px-3 py-2"><StatusBadge status={run.status} /></td>
                <td className="px-3 py-2 whitespace-nowrap" title={run.started_at ?? 'No start time'}>
                  {formatDateTime(run.started_at)}
                </td>
                <td className="px-3 py-2">{formatDuration(durationMs(run.started_at, run.finished_at, now))}</td>
                <td className="px-3 py-2">{count.format(totals.synced)} / {count.format(totals.total)}</td>
                <td className="px-3 py-2">{failureCount(run)}</td>
                <td className="max-w-md truncate px-3 py-2" title={run.error ?? run.dashboard_message ?? ''}>
                  {run.error ?? run.dashboard_message ?? ''}
                </td>
                <td className="px-3 py-2"><code className="text-xs">{run.run_id}</code></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
