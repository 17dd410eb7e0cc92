// The key to a timeline: each status as its colour, its symbol (for people who cannot rely on
// colour) and its word. The overview's timeline and the integration page's share it.
import type { ReactNode } from 'react';
import type { RunStatus } from '@/lib/api/schemas';
import { STATUS_PRESENTATION } from '@/domain/sync-runs/model/run-status';
import { STATUS_FILL } from '@/features/sync-runs/components/status-style';

export type StatusLegendProps = {
  /** In the order the timeline means them (its lanes, or the order a period picks its status). */
  statuses: readonly RunStatus[];
  /** Classes added to the list's own (text size and colour where the parent does not set them). */
  className?: string;
  /** Keys after the statuses' (the integration page's missed runs). */
  children?: ReactNode;
};

export function StatusLegend({ statuses, className, children }: StatusLegendProps) {
  return (
    <ul
      className={['flex flex-wrap gap-3', className].filter(Boolean).join(' ')}
      aria-label="Legend"
    >
      {statuses.map((status) => (
        <li key={status} className="inline-flex items-center gap-1">
          <span
            className="inline-block h-3 w-3 rounded-sm"
            style={{ background: STATUS_FILL[status] }}
            aria-hidden="true"
          />
          <span aria-hidden="true">{STATUS_PRESENTATION[status].symbol}</span>
          {STATUS_PRESENTATION[status].label}
        </li>
      ))}
      {children}
    </ul>
  );
}
