// A run status as colour plus symbol plus word.
import type { RunStatus } from '@/lib/api/schemas';
import { STATUS_PRESENTATION } from '@/domain/sync-runs/model/run-status';
import { STATUS_BADGE_CLASS } from './status-style';

export function StatusBadge({ status }: { status: RunStatus }) {
  const p = STATUS_PRESENTATION[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_BADGE_CLASS[status]}`}
    >
      <span aria-hidden="true">{p.symbol}</span>
      {p.label}
    </span>
  );
}
