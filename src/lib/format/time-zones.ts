// Time zones by their IANA names: checking a name, listing them all, and reading a wall-clock time
// ("2026-11-29T09:00" in Europe/Berlin) as an instant. Pure and platform-neutral (Intl only).

/** What a view shows times in: the browser's zone, UTC, or an IANA zone ("Europe/Berlin"). */
export type TimeZoneChoice = 'local' | 'utc' | (string & {});

/** The zone to format with: undefined means the browser's own. */
export function zoneOf(choice: TimeZoneChoice): string | undefined {
  if (choice === 'local') return undefined;
  if (choice === 'utc') return 'UTC';
  return choice;
}

const UTC_NAMES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'z', 'zulu', 'universal']);

/** The zone Intl resolves a name to; null when the name is not an IANA zone this runtime knows. */
function resolvedZone(value: string): string | null {
  // Names only ("Europe/Berlin", "Etc/GMT+1"): no offsets ("+01:00", which some runtimes accept),
  // spaces or punctuation, and no more than the longest real name needs.
  if (value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * The one check of a time zone name, for the app (links, the picker) and the watcher (quiet
 * hours): an IANA zone this runtime knows, in any letter case ("Europe/Berlin", "utc").
 */
export function isTimeZone(value: string): boolean {
  return resolvedZone(value) !== null;
}

/**
 * A zone as typed in a link or picked from the list, made canonical ("europe/berlin" →
 * "Europe/Berlin", "UTC" → "utc"); null when it names no zone this browser knows.
 */
export function readTimeZone(raw: string): TimeZoneChoice | null {
  const value = raw.trim();
  if (value === '') return null;
  if (value.toLowerCase() === 'local') return 'local';
  if (UTC_NAMES.has(value.toLowerCase())) return 'utc';
  const resolved = resolvedZone(value);
  if (resolved === null) return null;
  if (UTC_NAMES.has(resolved.toLowerCase())) return 'utc';
  // Intl accepts any letter case and old names ("Asia/Calcutta" for "Asia/Kolkata"): the list's
  // spelling where it has the name, else the name as given, which Intl has just accepted.
  const known = allTimeZones().find((zone) => zone.toLowerCase() === value.toLowerCase());
  return known ?? value;
}

/** Zones renamed in the IANA database that browsers still list by their former name. */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Africa/Asmera': 'Africa/Asmara',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
};
const FORMER = Object.fromEntries(Object.entries(RENAMED).map(([old, now]) => [now, old]));

/** The former name of a renamed zone ("Asia/Calcutta" for "Asia/Kolkata"), for searching. */
export function formerName(zone: string): string | undefined {
  return FORMER[zone];
}

let zones: string[] | null = null;

/** Every IANA zone this runtime knows, by its current name, sorted (about 420 names). */
export function allTimeZones(): string[] {
  zones ??= (() => {
    try {
      return Intl.supportedValuesOf('timeZone')
        .map((zone) => (RENAMED[zone] && isTimeZone(RENAMED[zone]) ? RENAMED[zone] : zone))
        .sort();
    } catch {
      return ['UTC'];
    }
  })();
  return zones;
}

/** How the zone is named on screen: "Europe/Berlin", "UTC" or "local time". */
export function zoneName(timeZone: string | undefined): string {
  return timeZone ?? 'local time';
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date and time of day: year, month (1–12), day, hour, minute, second. */
export type DateTimeParts = [number, number, number, number, number, number];

function partsIn(timeZone: string, ms: number): DateTimeParts {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

/** The zone's offset from UTC at an instant, in ms (Berlin in winter: +3,600,000). */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const [y, mo, d, h, mi, s] = partsIn(timeZone, ms);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * A wall-clock time in a zone as an instant. A time that does not exist (skipped by a daylight
 * saving change) moves forward by the gap; a time that happens twice is the first of the two.
 */
export function wallTimeToMs(wall: number, timeZone: string): number {
  const DAY = 86_400_000;
  // Offsets change at most once in a day here: try the offset of the day before and of the day after.
  const before = wall - zoneOffsetMs(timeZone, wall - DAY);
  const after = wall - zoneOffsetMs(timeZone, wall + DAY);
  const readsBack = [before, after]
    .filter((ms) => ms + zoneOffsetMs(timeZone, ms) === wall)
    .sort((a, b) => a - b);
  // In a gap neither reads back: the offset from before the change moves it forward by the gap.
  return readsBack[0] ?? before;
}

/** An instant as the wall-clock time in a zone, in ms since the epoch of that wall clock. */
export function msToWallTime(ms: number, timeZone: string): number {
  return ms + zoneOffsetMs(timeZone, ms);
}
