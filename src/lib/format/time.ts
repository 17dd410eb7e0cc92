// Time formatting: the browser's zone by default, always labelled; exact UTC one hover away.

// Creating an Intl.DateTimeFormat costs far more than formatting with one: one per style and zone.
const formats = new Map<string, Intl.DateTimeFormat>();

const STYLES = {
  // "Nov 29, 2026, 9:01 AM UTC": every absolute time names its zone.
  'date-time': {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  // "Sunday, November 29, 2026 at 9:01:23 AM UTC": the exact time, on hover.
  exact: { dateStyle: 'full', timeStyle: 'long' },
  'zone-name': { timeZoneName: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

function cachedFormat(
  style: keyof typeof STYLES,
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  const key = `${style} ${timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { ...STYLES[style], timeZone });
    formats.set(key, format);
  }
  return format;
}

function formatWith(style: keyof typeof STYLES, iso: string | null, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cachedFormat(style, timeZone).format(date);
}

/** A time as people read it, with its zone: "Nov 29, 2026, 9:01 AM UTC". */
export function formatDateTime(iso: string | null, timeZone?: string): string {
  return formatWith('date-time', iso, timeZone);
}

/** To the second, weekday and zone included: for hover text and support tickets. */
export function formatExact(iso: string | null, timeZone?: string): string {
  return formatWith('exact', iso, timeZone);
}

export function timeZoneLabel(timeZone?: string): string {
  // Formatted for now each time: the label changes with daylight saving time.
  const part = cachedFormat('zone-name', timeZone)
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'local time';
}

export function durationMs(
  startIso: string | null,
  endIso: string | null,
  now: number,
): number | null {
  if (!startIso) return null;
  const start = Date.parse(startIso);
  const end = endIso ? Date.parse(endIso) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, end - start);
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

let relativeFormat: Intl.RelativeTimeFormat | null = null;

/** "12 minutes ago", "in 3 hours", "yesterday": relative to `now`. */
export function formatRelative(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  relativeFormat ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const diffSeconds = Math.round((then - now) / 1000);
  const abs = Math.abs(diffSeconds);
  if (abs < 60) return relativeFormat.format(diffSeconds, 'second');
  if (abs < 3600) return relativeFormat.format(Math.round(diffSeconds / 60), 'minute');
  if (abs < 86400) return relativeFormat.format(Math.round(diffSeconds / 3600), 'hour');
  return relativeFormat.format(Math.round(diffSeconds / 86400), 'day');
}

/** The hover text of every shown time: exact in the view's zone, relative, and UTC. */
export function timeTitle(iso: string, now: number, timeZone?: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const parts = [formatExact(iso, timeZone), formatRelative(iso, now)];
  if (timeZone !== 'UTC') parts.push(`${new Date(ms).toISOString()} (UTC)`);
  return parts.join(' · ');
}
