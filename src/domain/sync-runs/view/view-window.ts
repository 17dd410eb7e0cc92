// The window a view shows: a preset that ends now, or a custom since/until from a link, read and
// corrected to the nearest valid window with a notice for each change.
import {
  DAY_MS,
  MAX_WINDOW_MS,
  windowEndingAt,
  type RunWindow,
} from '@/domain/sync-runs/model/window';

export const RANGE_PRESETS = {
  '24h': { label: 'Last 24 hours', ms: DAY_MS },
  '7d': { label: 'Last 7 days', ms: 7 * DAY_MS },
  '30d': { label: 'Last 30 days', ms: 30 * DAY_MS },
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const DEFAULT_PRESET: RangePreset = '30d';

export type ViewWindow = { kind: 'preset'; preset: RangePreset } | ({ kind: 'custom' } & RunWindow);

/** The last 30 days: the default view's window, and what a link whose window cannot be read shows. */
export const DEFAULT_WINDOW: ViewWindow = { kind: 'preset', preset: DEFAULT_PRESET };

/** A value from the URL, echoed in a notice: quoted, and cut short (links can be very long). */
export function quoted(raw: string | null): string {
  const value = raw ?? '';
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}

function isPreset(value: string): value is RangePreset {
  return Object.hasOwn(RANGE_PRESETS, value);
}

/** Accepts ISO-8601 with a zone (or a bare date, read as UTC midnight). */
export function parseInstant(value: string): number | null {
  const trimmed = value.trim();
  if (
    !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i.test(trimmed)
  )
    return null;
  const ms = Date.parse(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed);
  return Number.isNaN(ms) ? null : ms;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `fallback`: the window of a link that names none (this browser's remembered preset). */
export function parseWindow(
  search: URLSearchParams,
  now: number,
  notices: string[],
  fallback: ViewWindow,
): ViewWindow {
  const rawSince = search.get('since');
  const rawUntil = search.get('until');
  const rawRange = search.get('range');

  if (rawSince === null && rawUntil === null) {
    if (rawRange === null) return fallback;
    if (isPreset(rawRange)) return { kind: 'preset', preset: rawRange };
    notices.push(`${quoted(rawRange)} is not a known range; showing the last 30 days.`);
    return DEFAULT_WINDOW;
  }

  let since = rawSince === null ? null : parseInstant(rawSince);
  let until = rawUntil === null ? null : parseInstant(rawUntil);
  if (rawSince !== null && since === null)
    notices.push(`"since" (${quoted(rawSince)}) is not a valid date and time.`);
  if (rawUntil !== null && until === null)
    notices.push(`"until" (${quoted(rawUntil)}) is not a valid date and time.`);

  if (since === null && until === null) {
    notices.push('Showing the last 30 days instead.');
    return DEFAULT_WINDOW;
  }
  if (until === null) {
    until = Math.min(now, (since as number) + MAX_WINDOW_MS);
    notices.push(
      `No valid "until": the window ends ${until === now ? 'now' : '30 days after "since"'}.`,
    );
  }
  if (since === null) {
    since = until - MAX_WINDOW_MS;
    notices.push('No valid "since": the window starts 30 days before "until".');
  }
  if (since > until) {
    [since, until] = [until, since];
    notices.push('"since" was after "until"; the two were swapped.');
  }
  if (until - since > MAX_WINDOW_MS) {
    since = until - MAX_WINDOW_MS;
    notices.push(
      'The API allows at most 30 days; the window was shortened to the 30 days before "until".',
    );
  }
  if (since === until) {
    since = until - 60 * 60 * 1000;
    notices.push('The window was empty; it now covers the hour before "until".');
  }
  return { kind: 'custom', since: iso(since), until: iso(until) };
}

/** The absolute window to ask the API for. Presets end at the next whole minute after `now`. */
export function resolveWindow(window: ViewWindow, now: number): RunWindow {
  if (window.kind === 'custom') return { since: window.since, until: window.until };
  return windowEndingAt(now, RANGE_PRESETS[window.preset].ms);
}
