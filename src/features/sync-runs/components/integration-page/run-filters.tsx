// Status filter toggles and the text search over activities, resources, reasons and messages.
import { useEffect, useState } from 'react';
import { RUN_STATUSES, type RunStatus } from '@/lib/api/schemas';
import { STATUS_PRESENTATION } from '@/domain/sync-runs/model/run-status';
import { STATUS_BADGE_CLASS } from '@/features/sync-runs/components/status-style';
import { FIELD } from '@/components/field-styles';
import { focusTargetRef } from '@/lib/keyboard/shortcut-keys';

export type RunFiltersProps = {
  statuses: readonly RunStatus[];
  counts: Record<RunStatus, number>;
  q: string;
  /** Toggles one status in the filter (applied to the current view, never a stale copy). */
  onToggleStatus: (status: RunStatus) => void;
  onQueryChange: (q: string) => void;
};

export function RunFilters({
  statuses,
  counts,
  q,
  onToggleStatus,
  onQueryChange,
}: RunFiltersProps) {
  const [text, setText] = useState(q);
  // Follow the URL when it changes from outside (back/forward, a link).
  const [lastQ, setLastQ] = useState(q);
  if (q !== lastQ) {
    setLastQ(q);
    setText(q);
  }
  useEffect(() => {
    if (text === q) return;
    const timer = window.setTimeout(() => onQueryChange(text), 250);
    return () => window.clearTimeout(timer);
  }, [text, q, onQueryChange]);

  return (
    <div className="flex flex-wrap items-center gap-3">
      <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-1">
        {RUN_STATUSES.map((status) => {
          const active = statuses.includes(status);
          const p = STATUS_PRESENTATION[status];
          return (
            <button
              key={status}
              type="button"
              aria-pressed={active}
              onClick={() => onToggleStatus(status)}
              className={`rounded-full px-3 py-1 text-xs ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-blue-600 ${active ? STATUS_BADGE_CLASS[status] : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
            >
              <span aria-hidden="true">{p.symbol} </span>
              {p.label} ({counts[status]})
            </button>
          );
        })}
      </div>
      <label className="flex min-w-64 flex-1 items-center gap-2 text-sm">
        <span className="text-slate-700">Search</span>
        <input
          ref={focusTargetRef('run-search')}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Activity, resource, reason or error text"
          className={`w-full ${FIELD}`}
        />
      </label>
    </div>
  );
}
