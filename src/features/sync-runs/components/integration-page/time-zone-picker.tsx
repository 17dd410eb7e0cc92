// Which zone times are shown in: the browser's, UTC (one press), or any IANA zone, searched by
// name in a combobox. The choice is in the link (`?tz=`) and remembered in this browser.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { FIELD } from '@/components/field-styles';
import { searchZones } from './zone-search';
import type { TimeZoneMode } from '@/domain/sync-runs/view/view-params';
import { timeZoneLabel } from '@/lib/format/time';
import { allTimeZones, zoneOf } from '@/lib/format/time-zones';

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600';

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
}

/** "UTC", "Europe/Berlin (GMT+1)", "GMT+1 (your browser's zone)". */
function describeZone(mode: TimeZoneMode): string {
  if (mode === 'utc') return 'UTC';
  if (mode === 'local') return `${timeZoneLabel()} (your browser's zone)`;
  return `${mode} (${timeZoneLabel(zoneOf(mode))})`;
}

export function TimeZonePicker({
  mode,
  onChange,
}: {
  mode: TimeZoneMode;
  onChange: (mode: TimeZoneMode) => void;
}) {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">
        Times in <span className="font-medium text-slate-900">{describeZone(mode)}</span>
      </span>
      <button
        type="button"
        aria-pressed={mode === 'utc'}
        onClick={() => onChange(mode === 'utc' ? 'local' : 'utc')}
        className={BUTTON}
      >
        Show UTC
      </button>
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className={BUTTON}
      >
        Change time zone
      </button>
      {open && (
        <ZoneCombobox
          onPick={(zone) => {
            setOpen(false);
            toggleRef.current?.focus();
            if (zone !== null) onChange(zone);
          }}
        />
      )}
    </div>
  );
}

/** The search field and its list; `onPick(null)` when the user leaves without choosing. */
function ZoneCombobox({ onPick }: { onPick: (zone: TimeZoneMode | null) => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ids = { input: useId(), list: useId(), hint: useId() };
  const [own] = useState(browserZone);
  const inputRef = useRef<HTMLInputElement>(null);
  // The field takes the focus as it opens: the user pressed the button to type in it.
  useEffect(() => inputRef.current?.focus(), []);
  const { options, more } = useMemo(() => searchZones(allTimeZones(), query, own), [query, own]);
  const current = options[Math.min(active, options.length - 1)];

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + options.length) % Math.max(options.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onPick(current.value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onPick(null);
    }
  }

  return (
    <div className="basis-full rounded border border-slate-200 bg-white p-2 sm:basis-auto">
      <label htmlFor={ids.input} className="flex flex-col gap-1 text-xs text-slate-700">
        Time zone
        <input
          id={ids.input}
          type="text"
          ref={inputRef}
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-expanded="true"
          aria-controls={ids.list}
          aria-autocomplete="list"
          aria-describedby={ids.hint}
          aria-activedescendant={current ? `${ids.list}-${active}` : undefined}
          value={query}
          placeholder="Search, e.g. Berlin or New York"
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className={`${FIELD} text-sm`}
        />
      </label>
      <ul
        id={ids.list}
        role="listbox"
        aria-label="Time zones"
        className="mt-1 max-h-60 overflow-y-auto text-sm"
      >
        {options.map((option, index) => (
          // Keys are handled by the field, which owns the list (aria-activedescendant).
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={option.value}
            id={`${ids.list}-${index}`}
            role="option"
            aria-selected={index === active}
            // Keeps the focus in the field, so the list stays open until the choice lands.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(option.value)}
            className={`flex cursor-pointer justify-between gap-3 rounded px-2 py-1 ${index === active ? 'bg-slate-900 text-white' : 'hover:bg-slate-100'}`}
          >
            <span className="break-all">{option.label}</span>
            <span className={index === active ? 'text-slate-200' : 'text-slate-600'}>
              {timeZoneLabel(zoneOf(option.value))}
            </span>
          </li>
        ))}
      </ul>
      <p id={ids.hint} className="mt-1 text-xs text-slate-600">
        {options.length === 0
          ? 'No time zone has that name.'
          : more > 0
            ? `${more} more: keep typing to narrow the list.`
            : 'Arrow keys to move, Enter to choose, Escape to close.'}
      </p>
    </div>
  );
}
