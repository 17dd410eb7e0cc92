// Local time (labelled with its zone) or UTC.
import { timeZoneLabel } from '@/lib/format/time';
import type { TimeZoneMode } from '@/domain/sync-runs/view-params';

export function TimeZoneSwitch({
  mode,
  onChange,
}: {
  mode: TimeZoneMode;
  onChange: (mode: TimeZoneMode) => void;
}) {
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="text-slate-700">
        Times in {mode === 'utc' ? 'UTC' : `${timeZoneLabel()} (your browser's zone)`}
      </span>
      <button
        type="button"
        aria-pressed={mode === 'utc'}
        onClick={() => onChange(mode === 'utc' ? 'local' : 'utc')}
        className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        Show UTC
      </button>
    </div>
  );
}
