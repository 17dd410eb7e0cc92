// The drill-down under a run: its ids, then activities, then each activity's failures.
import { useId, useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import { temporalWorkflowUrl } from './temporal-link';
import { useTemporalUiUrl } from '@/features/sync-runs/hooks/use-temporal-ui';
import type { SyncActivity, SyncRun } from '@/lib/api/schemas';
import { plural } from '@/lib/format/plural';

const count = new Intl.NumberFormat();

function IdLine({
  label,
  value,
  href = null,
}: {
  label: string;
  value: string | null;
  href?: string | null;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <dt className="text-slate-600">{label}</dt>
      <dd className="flex items-center gap-2">
        {value ? (
          <>
            {href ? (
              <a
                href={href}
                target="_blank"
                rel="noopener noreferrer"
                className="break-all font-mono text-blue-700 underline"
                aria-label={`${value} (open in Temporal)`}
              >
                {value}
              </a>
            ) : (
              <code className="break-all">{value}</code>
            )}
            <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
          </>
        ) : (
          <span className="text-slate-500">none</span>
        )}
      </dd>
    </div>
  );
}

function SyncedBar({ synced, total }: { synced: number; total: number }) {
  const ratio = total > 0 ? Math.min(1, synced / total) : 0;
  return (
    <span className="inline-flex items-center gap-2">
      <span className="relative h-1.5 w-20 rounded bg-slate-200" aria-hidden="true">
        <span
          className="absolute inset-y-0 left-0 rounded bg-slate-600"
          style={{ width: `${ratio * 100}%` }}
        />
      </span>
      {count.format(synced)} of {count.format(total)}
    </span>
  );
}

function ActivityRow({ activity }: { activity: SyncActivity }) {
  const [open, setOpen] = useState(activity.failures.length > 0);
  // Labels and run ids come from the API: unique only by position, so the id is React's.
  const failuresId = useId();
  return (
    <li className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2">
        <span className="min-w-40 font-medium">{activity.activity_label}</span>
        <SyncedBar synced={activity.synced_count} total={activity.total_count} />
        {activity.failures.length > 0 ? (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={failuresId}
            onClick={() => setOpen((v) => !v)}
            className="rounded px-1 text-red-800 underline decoration-dotted hover:bg-red-50"
          >
            {plural(activity.failures.length, 'failure')}
          </button>
        ) : (
          <span className="text-slate-600">No failures</span>
        )}
      </div>
      {open && activity.failures.length > 0 && (
        <table id={failuresId} className="w-full border-t border-slate-200 text-left text-xs">
          <caption className="sr-only">Failures of {activity.activity_label}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-1">
                Resource
              </th>
              <th scope="col" className="px-3 py-1">
                Parent
              </th>
              <th scope="col" className="px-3 py-1">
                Reason
              </th>
              <th scope="col" className="px-3 py-1">
                Error message
              </th>
            </tr>
          </thead>
          <tbody>
            {activity.failures.map((failure, index) => (
              <tr key={index} className="border-t border-slate-100 align-top">
                <td className="px-3 py-1 font-medium">{failure.resource_label}</td>
                <td className="px-3 py-1">{failure.parent_label ?? '—'}</td>
                <td className="px-3 py-1">
                  <code>{failure.reason}</code>
                </td>
                <td className="px-3 py-1 break-words whitespace-pre-wrap">
                  {failure.error_message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

export function RunDetail({ run }: { run: SyncRun }) {
  const temporalUi = useTemporalUiUrl();
  const workflowUrl =
    temporalUi && run.temporal_workflow_id
      ? temporalWorkflowUrl(temporalUi, run.temporal_workflow_id, run.temporal_run_id)
      : null;
  return (
    <div className="space-y-3 bg-slate-50 px-4 py-3 text-sm">
      {(run.error || run.dashboard_message) && (
        <div className="space-y-1">
          {run.error && (
            <p className="whitespace-pre-wrap text-red-900">
              <span className="font-medium">Error: </span>
              {run.error}
            </p>
          )}
          {run.dashboard_message && (
            <p className="whitespace-pre-wrap">
              <span className="font-medium">Message: </span>
              {run.dashboard_message}
            </p>
          )}
        </div>
      )}
      <dl className="grid gap-1 text-xs sm:grid-cols-3">
        <IdLine label="Run id" value={run.run_id} />
        <IdLine label="Temporal workflow id" value={run.temporal_workflow_id} href={workflowUrl} />
        <IdLine label="Temporal run id" value={run.temporal_run_id} />
      </dl>
      {run.activities.length === 0 ? (
        <p className="text-slate-600">This run reported no activities.</p>
      ) : (
        <ul className="space-y-2" aria-label={`Activities of run ${run.run_id}`}>
          {run.activities.map((activity, index) => (
            <ActivityRow key={`${activity.activity_label}-${index}`} activity={activity} />
          ))}
        </ul>
      )}
    </div>
  );
}
