// Presets (24 h, 7 d, 30 d) and a custom range; the 30-day API maximum is enforced here, with a reason.
import { useId, useState } from 'react';
import { checkCustomRange, toLocalInput } from '@/domain/sync-runs/view/custom-range';
import {
  RANGE_PRESETS,
  type RangePreset,
  type ViewWindow,
} from '@/domain/sync-runs/view/view-params';
import { FIELD } from '@/components/field-styles';
import { zoneName } from '@/lib/format/time-zones';
import { focusTargetRef } from '@/lib/keyboard/shortcut-keys';
import type { RunWindow } from '@/domain/sync-runs/model/window';

export type WindowPickerProps = {
  value: ViewWindow;
  resolved: RunWindow;
  /** The zone the fields are typed in: an IANA name or "UTC"; undefined is the browser's own. */
  timeZone: string | undefined;
  onChange: (window: ViewWindow) => void;
};

const buttonBase =
  'rounded px-3 py-1.5 text-sm ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600';

type DateTimeFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  describedBy: string;
};

function DateTimeField({ label, value, onChange, describedBy }: DateTimeFieldProps) {
  return (
    <label className="flex flex-col text-xs text-slate-700">
      {label}
      <input
        type="datetime-local"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy}
        className={`${FIELD} text-sm`}
      />
    </label>
  );
}

export function WindowPicker({ value, resolved, timeZone, onChange }: WindowPickerProps) {
  const [customOpen, setCustomOpen] = useState(value.kind === 'custom');
  const [since, setSince] = useState(() => toLocalInput(resolved.since, timeZone));
  const [until, setUntil] = useState(() => toLocalInput(resolved.until, timeZone));
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const zone = zoneName(timeZone);

  function apply(event: React.FormEvent) {
    event.preventDefault();
    const check = checkCustomRange(since, until, timeZone);
    if (!check.ok) {
      setError(check.message);
      return;
    }
    setError(null);
    onChange({ kind: 'custom', since: check.since, until: check.until });
  }

  return (
    <div className="flex flex-wrap items-start gap-2">
      <div role="group" aria-label="Time window" className="flex flex-wrap gap-1">
        {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((preset, index) => {
          const active = value.kind === 'preset' && value.preset === preset;
          return (
            <button
              key={preset}
              ref={index === 0 ? focusTargetRef('time-window') : undefined}
              type="button"
              aria-pressed={active}
              onClick={() => {
                setCustomOpen(false);
                onChange({ kind: 'preset', preset });
              }}
              className={`${buttonBase} ${active ? 'bg-slate-900 text-white ring-slate-900' : 'bg-white text-slate-800 ring-slate-300 hover:bg-slate-100'}`}
            >
              {RANGE_PRESETS[preset].label}
            </button>
          );
        })}
        <button
          type="button"
          aria-pressed={value.kind === 'custom'}
          aria-expanded={customOpen}
          onClick={() => setCustomOpen((open) => !open)}
          className={`${buttonBase} ${value.kind === 'custom' ? 'bg-slate-900 text-white ring-slate-900' : 'bg-white text-slate-800 ring-slate-300 hover:bg-slate-100'}`}
        >
          Custom range
        </button>
      </div>
      {customOpen && (
        <form
          onSubmit={apply}
          className="flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-2"
          noValidate
        >
          <DateTimeField
            label={`From (${zone})`}
            value={since}
            onChange={setSince}
            describedBy={errorId}
          />
          <DateTimeField
            label={`To (${zone})`}
            value={until}
            onChange={setUntil}
            describedBy={errorId}
          />
          <button
            type="submit"
            className={`${buttonBase} bg-white ring-slate-300 hover:bg-slate-100`}
          >
            Apply range
          </button>
          <p
            id={errorId}
            className="w-full text-xs text-slate-600"
            role={error ? 'alert' : undefined}
          >
            {error ?? 'Up to 30 days: the most Neo returns for one request.'}
          </p>
        </form>
      )}
    </div>
  );
}
