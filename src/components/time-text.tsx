// Every time on screen: absolute (with its zone) or relative ("12 minutes ago"), or both; the other
// forms (exact to the second, relative, UTC) on hover. Relative texts move on with a shared clock.
import { formatDateTime, formatRelative, timeTitle } from '@/lib/format/time';
import { useClock } from '@/lib/time/use-clock';
import { useTimeZone } from '@/lib/time/use-time-zone';

export type TimeTextProps = {
  iso: string | null;
  /** What is shown: absolute by default; "both" adds the relative time after it. */
  show?: 'absolute' | 'relative' | 'both';
  /** With "both": the relative time on a line of its own (table cells). */
  stacked?: boolean;
  empty?: string;
  /** A faster clock of the caller's (ticking each second); otherwise the shared 10-second one. */
  now?: number;
};

export function TimeText(props: TimeTextProps) {
  const { iso, show = 'absolute', stacked = false, empty = '—' } = props;
  const timeZone = useTimeZone();
  const sharedNow = useClock();
  const now = props.now ?? sharedNow;
  if (!iso) return <span className="text-slate-600">{empty}</span>;
  const relative = formatRelative(iso, now);
  return (
    <time dateTime={iso} title={timeTitle(iso, now, timeZone)} className="whitespace-nowrap">
      {show === 'relative' ? relative : formatDateTime(iso, timeZone)}
      {show === 'both' &&
        (stacked ? (
          <span className="block text-xs text-slate-600">{relative}</span>
        ) : (
          // The time itself never breaks; a narrow box may put this part on the next line.
          <span className="whitespace-normal text-slate-600"> ({relative})</span>
        ))}
    </time>
  );
}
