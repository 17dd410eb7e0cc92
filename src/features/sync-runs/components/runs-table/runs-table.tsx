// The drill-down table: sortable runs (virtualised), each expandable to activities and failures.
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  useTable,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SyncRun } from '@/lib/api/schemas';
import { formatDateTime, formatDuration } from '@/lib/format/time';
import { useTimeZone } from '@/lib/time/use-time-zone';
import { toRunRows, type RunRow } from '@/domain/sync-runs/run-rows';
import { isShortcutEvent } from '@/lib/keyboard/shortcut-keys';
import { RunDetail } from './run-detail';
import { StatusBadge } from '@/features/sync-runs/components/status-badge';
import { TimeText } from '@/components/time-text';

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic },
});
const helper = createColumnHelper<typeof features, RunRow>();
const count = new Intl.NumberFormat();

const columns = helper.columns([
  helper.accessor('status', {
    header: 'Status',
    cell: (c) => <StatusBadge status={c.getValue()} />,
  }),
  helper.accessor('startedMs', {
    header: 'Started',
    sortUndefined: 'last',
    cell: (c) => (
      <TimeText iso={c.row.original.run.started_at} show="both" stacked empty="No start time" />
    ),
  }),
  helper.accessor('finishedMs', {
    header: 'Finished',
    sortUndefined: 'last',
    cell: (c) => (
      <TimeText
        iso={c.row.original.run.finished_at}
        empty={c.row.original.status === 'RUNNING' ? 'Still running' : '—'}
      />
    ),
  }),
  helper.accessor('durationMs', {
    header: 'Duration',
    sortUndefined: 'last',
    cell: (c) => formatDuration(c.getValue()),
  }),
  helper.accessor('synced', {
    header: 'Synced / total',
    cell: (c) => `${count.format(c.getValue())} / ${count.format(c.row.original.total)}`,
  }),
  helper.accessor('failures', { header: 'Failures' }),
  helper.accessor('message', {
    header: 'Message',
    enableSorting: false,
    cell: (c) => (
      <span className="line-clamp-2 break-words" title={c.getValue()}>
        {c.getValue()}
      </span>
    ),
  }),
]);

export type RunsTableProps = {
  runs: readonly SyncRun[];
  now: number;
  selectedRunId: string | null;
  onSelectRun: (runId: string | null) => void;
};

const VIRTUALIZE_ABOVE = 150;
const SORT_LABEL = { asc: 'ascending', desc: 'descending' } as const;

export function RunsTable({ runs, now, selectedRunId, onSelectRun }: RunsTableProps) {
  const timeZone = useTimeZone();
  const data = useMemo(() => toRunRows(runs, now), [runs, now]);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'startedMs', desc: true }]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(selectedRunId ? [selectedRunId] : []),
  );
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: setSorting,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualize = rows.length > VIRTUALIZE_ABOVE;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's documented pattern
  const virtualizer = useVirtualizer({
    enabled: virtualize,
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 8,
    // Before layout (and where there is none, as in tests) assume a typical viewport.
    initialRect: { width: 1200, height: 600 },
  });

  // A selected run (deep link or chart click) is expanded and scrolled into view.
  const selectedIndex = selectedRunId ? rows.findIndex((row) => row.id === selectedRunId) : -1;
  useEffect(() => {
    if (selectedIndex < 0 || !selectedRunId) return;
    setExpanded((prev) => (prev.has(selectedRunId) ? prev : new Set(prev).add(selectedRunId)));
    if (virtualize) virtualizer.scrollToIndex(selectedIndex, { align: 'start' });
    else
      scrollRef.current
        ?.querySelector(`[data-run-id="${CSS.escape(selectedRunId)}"]`)
        ?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedIndex, selectedRunId, virtualizer, virtualize]);

  // j / k walk the runs in the order shown (sorting included); Esc lets go of the open run.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!isShortcutEvent(event)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      if ((event.key === 'j' || event.key === 'k') && rows.length > 0) {
        const step = event.key === 'j' ? 1 : -1;
        const from = selectedIndex < 0 ? (step > 0 ? -1 : rows.length) : selectedIndex;
        const next = rows[Math.min(rows.length - 1, Math.max(0, from + step))];
        event.preventDefault();
        if (next) onSelectRun(next.id);
      } else if (event.key === 'Escape' && selectedRunId) {
        event.preventDefault();
        setExpanded((prev) => {
          const rest = new Set(prev);
          rest.delete(selectedRunId);
          return rest;
        });
        onSelectRun(null);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [rows, selectedIndex, selectedRunId, onSelectRun]);

  function toggle(id: string) {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    onSelectRun(id === selectedRunId ? null : id);
  }

  // Short lists render every row (find-in-page works); long ones only what is on screen.
  const items = virtualize
    ? virtualizer.getVirtualItems()
    : rows.map((_, index) => ({ index, start: 0, end: 0 }));
  const paddingTop = virtualize ? (items[0]?.start ?? 0) : 0;
  const paddingBottom = virtualize ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const columnCount = columns.length + 1;

  return (
    <div
      ref={scrollRef}
      role="region"
      tabIndex={0}
      aria-label="Sync runs table"
      className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white"
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">
          Sync runs. Use the Details buttons to open a run's activities and failures.
        </caption>
        <thead className="sticky top-0 z-10 bg-slate-100 text-xs text-slate-700">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              <th scope="col" className="w-10 px-2 py-2">
                <span className="sr-only">Details</span>
              </th>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                    className="px-3 py-2 font-semibold whitespace-nowrap"
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 rounded hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
                        title={sorted ? `Sorted ${SORT_LABEL[sorted]}` : 'Sort'}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        {paddingTop > 0 && (
          <tbody aria-hidden="true">
            <tr style={{ height: paddingTop }} />
          </tbody>
        )}
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const isOpen = expanded.has(row.id);
          const isSelected = row.id === selectedRunId;
          const detailId = `run-detail-${item.index}`;
          return (
            <tbody
              key={row.id}
              data-index={item.index}
              ref={virtualize ? virtualizer.measureElement : undefined}
              className="border-b border-slate-100"
            >
              <tr
                className={
                  isSelected
                    ? 'bg-blue-50 outline-2 -outline-offset-2 outline-blue-500'
                    : 'hover:bg-slate-50'
                }
                aria-selected={isSelected}
                data-run-id={row.id}
              >
                <td className="px-2 py-2 align-top">
                  <button
                    type="button"
                    aria-expanded={isOpen}
                    aria-controls={isOpen ? detailId : undefined}
                    aria-label={`Details of run started ${row.original.run.started_at ? formatDateTime(row.original.run.started_at, timeZone) : 'at an unknown time'}`}
                    onClick={() => toggle(row.id)}
                    className="h-6 w-6 rounded text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600"
                  >
                    <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                  </button>
                </td>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 align-top">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
              {isOpen && (
                <tr id={detailId}>
                  <td colSpan={columnCount} className="p-0">
                    <RunDetail run={row.original.run} />
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
        {paddingBottom > 0 && (
          <tbody aria-hidden="true">
            <tr style={{ height: paddingBottom }} />
          </tbody>
        )}
      </table>
    </div>
  );
}
