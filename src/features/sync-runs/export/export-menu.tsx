// Download buttons for the current view: its runs and the window's failure signatures, CSV or JSON.
import type { SyncRun } from '../../../lib/api/schemas';
import type { FailureSignature } from '../model/signatures';
import { download } from './download';
import { runsExport, signaturesExport, type ExportFormat } from './export-files';

export type ExportMenuProps = {
  integration: string;
  window: { since: string; until: string };
  /** The runs the table shows (filters applied). */
  runs: readonly SyncRun[];
  signatures: readonly FailureSignature[];
};

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700';

export function ExportMenu({ integration, window, runs, signatures }: ExportMenuProps) {
  const formats: ExportFormat[] = ['csv', 'json'];
  return (
    <div role="group" aria-label="Export" className="flex flex-wrap items-center gap-1 text-xs">
      <span className="text-slate-700">Export:</span>
      {formats.map((format) => (
        <button
          key={`runs-${format}`}
          type="button"
          className={BUTTON}
          onClick={() => download(runsExport(format, integration, window, runs))}
        >
          {`Runs (${format.toUpperCase()}, ${runs.length})`}
        </button>
      ))}
      {formats.map((format) => (
        <button
          key={`failures-${format}`}
          type="button"
          className={BUTTON}
          onClick={() => download(signaturesExport(format, integration, window, signatures))}
        >
          {`Failures (${format.toUpperCase()}, ${signatures.length})`}
        </button>
      ))}
    </div>
  );
}
