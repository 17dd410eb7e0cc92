// The runs table's header: a Details column, then each column with its sort button and state.
import type { useTable } from '@tanstack/react-table';
import type { RunRow } from '@/domain/sync-runs/model/run-rows';
import type { runTableFeatures } from './run-columns';

type RunsTableInstance = ReturnType<typeof useTable<typeof runTableFeatures, RunRow>>;

const SORT_LABEL = { asc: 'ascending', desc: 'descending' } as const;

export function RunsTableHead({ table }: { table: RunsTableInstance }) {
  return table.getHeaderGroups().map((group) => (
    <tr key={group.id}>
      <th scope="col" className="w-10 px-1 py-2 sm:px-2">
        <span className="sr-only">Details</span>
      </th>
      {group.headers.map((header) => {
        const sorted = header.column.getIsSorted();
        return (
          <th
            key={header.id}
            scope="col"
            aria-sort={sorted ? SORT_LABEL[sorted] : undefined}
            className="px-2 py-2 font-semibold whitespace-nowrap sm:px-3"
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
  ));
}
