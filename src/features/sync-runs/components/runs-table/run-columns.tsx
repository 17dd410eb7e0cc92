// The runs table's columns: what each shows and how it sorts. Column ids are the names links use
// for sorting (`?sort=-duration`).
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  type SortingState,
} from '@tanstack/react-table';
import { TimeText } from '@/components/time-text';
import type { RunRow } from '@/domain/sync-runs/model/run-rows';
import {
  DEFAULT_SORT,
  RUN_SORT_KEYS,
  type RunSort,
  type RunSortKey,
} from '@/domain/sync-runs/view/view-params';
import { StatusBadge } from '@/features/sync-runs/components/status-badge';
import { DurationCell } from './duration-cell';

export const runTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic },
});
const helper = createColumnHelper<typeof runTableFeatures, RunRow>();
const count = new Intl.NumberFormat();

export const runColumns = helper.columns([
  helper.accessor('status', {
    id: 'status',
    header: 'Status',
    cell: (c) => <StatusBadge status={c.getValue()} />,
  }),
  helper.accessor('startedMs', {
    id: 'started',
    header: 'Started',
    sortUndefined: 'last',
    cell: (c) => (
      <TimeText iso={c.row.original.run.started_at} show="both" stacked empty="No start time" />
    ),
  }),
  helper.accessor('finishedMs', {
    id: 'finished',
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
    id: 'duration',
    header: 'Duration',
    sortUndefined: 'last',
    cell: (c) => <DurationCell row={c.row.original} />,
  }),
  helper.accessor('synced', {
    id: 'synced',
    header: 'Synced / total',
    cell: (c) => `${count.format(c.getValue())} / ${count.format(c.row.original.total)}`,
  }),
  helper.accessor('failures', { id: 'failures', header: 'Failures' }),
  helper.accessor('message', {
    id: 'message',
    header: 'Message',
    enableSorting: false,
    cell: (c) => (
      <span className="line-clamp-2 break-words" title={c.getValue()}>
        {c.getValue()}
      </span>
    ),
  }),
]);

function isSortKey(id: string): id is RunSortKey {
  return (RUN_SORT_KEYS as readonly string[]).includes(id);
}

/** The table's sorting state for a view's sort (one column at a time). */
export function toSortingState(sort: RunSort): SortingState {
  return [{ id: sort.key, desc: sort.desc }];
}

/** A view's sort for the table's sorting state; no sort (sorting switched off) is the default. */
export function fromSortingState(sorting: SortingState): RunSort {
  const first = sorting[0];
  return first && isSortKey(first.id) ? { key: first.id, desc: first.desc } : DEFAULT_SORT;
}
