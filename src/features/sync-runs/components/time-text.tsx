// A timestamp in the chosen zone, with the exact UTC value one hover away.
import { formatDateTime } from '../../../lib/format/time';
import { useTimeZone } from '../hooks/use-time-zone';

export function TimeText({ iso, empty = '—' }: { iso: string | null; empty?: string }) {
  const timeZone = useTimeZone();
  if (!iso) return <span className="text-slate-500">{empty}</span>;
  return (
    <time dateTime={iso} title={`${iso} (UTC)`} className="whitespace-nowrap">
      {formatDateTime(iso, timeZone)}
    </time>
  );
}
