// Download buttons for the current view: its runs, the window's failure signatures and its unusual
// activity, CSV or JSON.
import type { SyncRun } from '@/lib/api/schemas';
import type { FailureSignature } from '@/domain/sync-runs/judgements/signatures';
import { download } from './download';
import { anomaliesExport, runsExport, signaturesExport, type ExportFormat } from './export-files';
import type { Anomaly } from '@/domain/sync-runs/judgements/anomalies/anomaly';
import type { RunWindow } from '@/domain/sync-runs/model/window';

export type ExportMenuProps = {
  integration: string;
  window: RunWindow;
  /** The runs the table shows (filters applied). */
  runs: readonly SyncRun[];
  signatures: readonly FailureSignature[];
  /** The window's unusual-activity findings. */
  anomalies?: readonly Anomaly[];
};

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700';

export function ExportMenu({
  integration,
  window,
  runs,
  signatures,
  anomalies = [],
}: ExportMenuProps) {
  const formats: ExportFormat[] = ['csv', 'json'];
  const choices = [
    ...formats.map((format) => ({
      label: `Runs (${format.toUpperCase()}, ${runs.length})`,
      file: () => runsExport(format, integration, window, runs),
    })),
    ...formats.map((format) => ({
      label: `Failures (${format.toUpperCase()}, ${signatures.length})`,
      file: () => signaturesExport(format, integration, window, signatures),
    })),
    ...formats.map((format) => ({
      label: `Unusual activity (${format.toUpperCase()}, ${anomalies.length})`,
      file: () => anomaliesExport(format, integration, window, anomalies),
    })),
  ];
  return (
    <div role="group" aria-label="Export" className="flex flex-wrap items-center gap-1 text-xs">
      <span className="text-slate-700">Export:</span>
      {choices.map((choice) => (
        <button
          key={choice.label}
          type="button"
          className={BUTTON}
          onClick={() => download(choice.file())}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
