// What an overview lane says in words and where a period of it leads: its period's link, its counts
// for the tooltip and its summary for screen readers.
import { CELL_PRIORITY, type Lane, type LaneCell } from '@/domain/sync-runs/view/overview-lanes';
import { STATUS_PRESENTATION } from '@/domain/sync-runs/model/run-status';
import { DEFAULT_VIEW, serializeViewParams } from '@/domain/sync-runs/view/view-params';
import { integrationPath } from '@/domain/sync-runs/view/integration-path';

const number = new Intl.NumberFormat();

export function periodLink(name: string, cell: LaneCell): string {
  const search = serializeViewParams({
    ...DEFAULT_VIEW,
    window: {
      kind: 'custom',
      since: new Date(cell.start).toISOString(),
      until: new Date(cell.end).toISOString(),
    },
  });
  return integrationPath(name, search);
}

export function countsText(cell: LaneCell): string {
  const parts = CELL_PRIORITY.filter((s) => cell.counts[s] > 0).map(
    (s) => `${cell.counts[s]} ${STATUS_PRESENTATION[s].label.toLowerCase()}`,
  );
  return parts.length === 0 ? 'no runs' : parts.join(', ');
}

export function laneSummary(name: string, lane: Lane, format: Intl.DateTimeFormat): string {
  if (lane.runs === 0) return `${name}: no runs in this period.`;
  const failed =
    lane.failed === 0
      ? 'none failed'
      : `${number.format(lane.failed)} failed, the latest in the period from ${format.format(new Date(lane.lastFailure ?? 0))}`;
  return `${name}: ${number.format(lane.runs)} runs, ${failed}.`;
}
