// The drill-down table: sortable runs (virtualised when many), each expandable to its activities
// and failures. The sort is part of the view (the URL); which runs are open is this table's own.
import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { VirtualTable } from '@/components/virtual-table';
import { toRunRows } from '@/domain/sync-runs/model/run-rows';
import type { RunSort } from '@/domain/sync-runs/view/view-params';
import type { SyncRun } from '@/lib/api/schemas';
import { formatDateTime } from '@/lib/format/time';
import { useTimeZone } from '@/lib/time/use-time-zone';
import { fromSortingState, runColumns, runTableFeatures, toSortingState } from './run-columns';
import { RunDetail } from './run-detail';
import { RunsTableHead } from './runs-table-head';
import { useExpandedRuns } from './use-expanded-runs';

export type RunsTableProps = {
  runs: readonly SyncRun[];
  now: number;
  selectedRunId: string | null;
  onSelectRun: (runId: string | null) => void;
  sort: RunSort;
  onSortChange: (sort: RunSort) => void;
};

export function RunsTable({
  runs,
  now,
  selectedRunId,
  onSelectRun,
  sort,
  onSortChange,
}: RunsTableProps) {
  const timeZone = useTimeZone();
  const data = useMemo(() => toRunRows(runs, now), [runs, now]);
  const sorting = useMemo(() => toSortingState(sort), [sort]);
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) =>
      onSortChange(fromSortingState(typeof updater === 'function' ? updater(sorting) : updater)),
    [onSortChange, sorting],
  );
  const table = useTable({
    features: runTableFeatures,
    columns: runColumns,
    data,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange,
  });
  const rows = table.getRowModel().rows;
  const rowIds = useMemo(() => rows.map((row) => row.id), [rows]);

  // A selected run (deep link, chart click, j/k) is expanded (and the shell scrolls it into view),
  // once it is among the rows.
  const { expanded, selectedIndex, toggle } = useExpandedRuns({
    rowIds,
    selectedRunId,
    onSelectRun,
  });

  const columnCount = runColumns.length + 1;
  return (
    <VirtualTable
      label="Sync runs table"
      caption="Sync runs. Use the Details buttons to open a run's activities and failures."
      head={<RunsTableHead table={table} />}
      rowCount={rows.length}
      rowKey={(index) => rows[index]?.id ?? index}
      scrollToIndex={selectedIndex >= 0 ? selectedIndex : null}
      renderRow={(index, measure) => {
        const row = rows[index];
        if (!row) return null;
        const isOpen = expanded.has(row.id);
        const isSelected = row.id === selectedRunId;
        const detailId = `run-detail-${index}`;
        const started = row.original.run.started_at;
        return (
          <tbody
            key={row.id}
            data-index={index}
            ref={measure}
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
              <td className="px-1 py-2 align-top sm:px-2">
                <button
                  type="button"
                  aria-expanded={isOpen}
                  aria-controls={isOpen ? detailId : undefined}
                  aria-label={`Details of run started ${started ? formatDateTime(started, timeZone) : 'at an unknown time'}`}
                  onClick={() => toggle(row.id)}
                  className="h-6 w-6 rounded text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600"
                >
                  <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                </button>
              </td>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="px-2 py-2 align-top sm:px-3">
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
      }}
    />
  );
}
