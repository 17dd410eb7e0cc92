// The URL owns the integration view. Parsing corrects invalid input to the nearest valid view and
// says what it changed; serialising drops defaults so links stay short and stable.
import { RUN_STATUSES, type RunStatus } from '@/lib/api/schemas';
import { readTimeZone, type TimeZoneChoice } from '@/lib/format/time-zones';
import {
  DEFAULT_PRESET,
  DEFAULT_WINDOW,
  parseWindow,
  quoted,
  type RangePreset,
  type ViewWindow,
} from './view-window';

// The window is part of the view: its presets and types are read from here as from view-window.
export {
  DEFAULT_PRESET,
  parseInstant,
  RANGE_PRESETS,
  resolveWindow,
  type RangePreset,
  type ViewWindow,
} from './view-window';

/** `local` (the browser's zone), `utc`, or an IANA zone such as `Europe/Berlin`. */
export type TimeZoneMode = TimeZoneChoice;

/** What a link leaves out is this browser's remembered choice (falling back to 30 days, local). */
export type ViewDefaults = { preset: RangePreset; tz: TimeZoneMode };

/** Columns the runs table sorts by, as named in links (`?sort=duration`, `?sort=-started`). */
export const RUN_SORT_KEYS = [
  'status',
  'started',
  'finished',
  'duration',
  'synced',
  'failures',
] as const;
export type RunSortKey = (typeof RUN_SORT_KEYS)[number];
export type RunSort = { key: RunSortKey; desc: boolean };
/** Newest first: left out of links. */
export const DEFAULT_SORT: RunSort = { key: 'started', desc: true };

export type ViewParams = {
  window: ViewWindow;
  statuses: RunStatus[];
  q: string;
  run: string | null;
  /** A failure signature (its short id) whose runs the table shows and the chart highlights. */
  sig: string | null;
  /** An unusual-activity finding (its short id) whose runs the table shows and the chart highlights. */
  anomaly: string | null;
  tz: TimeZoneMode;
  /** The runs table's order. */
  sort: RunSort;
};

export const DEFAULT_VIEW: ViewParams = {
  window: DEFAULT_WINDOW,
  statuses: [],
  q: '',
  run: null,
  sig: null,
  anomaly: null,
  tz: 'local',
  sort: DEFAULT_SORT,
};

const MAX_QUERY_LENGTH = 200;

function isSortKey(value: string): value is RunSortKey {
  return (RUN_SORT_KEYS as readonly string[]).includes(value);
}

/** `started` sorts ascending, `-started` descending. */
function parseSort(raw: string | null, notices: string[]): RunSort {
  if (raw === null || raw.trim() === '') return DEFAULT_SORT;
  const value = raw.trim().toLowerCase();
  const desc = value.startsWith('-');
  const key = desc ? value.slice(1) : value;
  if (isSortKey(key)) return { key, desc };
  notices.push(`${quoted(raw)} is not a column to sort by; runs are shown newest first.`);
  return DEFAULT_SORT;
}

function isStatus(value: string): value is RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(value);
}

export const FALLBACK_DEFAULTS: ViewDefaults = { preset: DEFAULT_PRESET, tz: 'local' };

export function parseViewParams(
  search: URLSearchParams,
  now: number,
  defaults: ViewDefaults = FALLBACK_DEFAULTS,
): { params: ViewParams; notices: string[] } {
  const notices: string[] = [];
  const window = parseWindow(search, now, notices, { kind: 'preset', preset: defaults.preset });

  const statuses: RunStatus[] = [];
  for (const raw of search.getAll('status').flatMap((s) => s.split(','))) {
    const value = raw.trim().toUpperCase();
    if (value === '') continue;
    if (isStatus(value)) {
      if (!statuses.includes(value)) statuses.push(value);
    } else notices.push(`${quoted(raw)} is not a run status; it was ignored.`);
  }

  let q = search.get('q') ?? '';
  if (q.length > MAX_QUERY_LENGTH) {
    q = q.slice(0, MAX_QUERY_LENGTH);
    notices.push(`The search text was cut to ${MAX_QUERY_LENGTH} characters.`);
  }

  const rawTz = search.get('tz');
  let tz: TimeZoneMode = defaults.tz;
  if (rawTz !== null) {
    const zone = readTimeZone(rawTz);
    if (zone) tz = zone;
    else
      notices.push(
        `${quoted(rawTz)} is not a time zone; showing ${tz === 'local' ? 'local time' : tz === 'utc' ? 'UTC' : tz}.`,
      );
  }

  const run = search.get('run')?.trim() || null;
  const rawSig = search.get('sig')?.trim() || null;
  let sig: string | null = null;
  if (rawSig !== null) {
    if (/^[0-9a-z]{1,13}$/.test(rawSig)) sig = rawSig;
    else notices.push(`${quoted(rawSig)} is not a failure signature id; it was ignored.`);
  }
  const sort = parseSort(search.get('sort'), notices);
  const rawAnomaly = search.get('anomaly')?.trim() || null;
  let anomaly: string | null = null;
  if (rawAnomaly !== null) {
    if (/^[0-9a-z]{1,13}$/.test(rawAnomaly)) anomaly = rawAnomaly;
    else notices.push(`${quoted(rawAnomaly)} is not an unusual-activity id; it was ignored.`);
  }
  return { params: { window, statuses, q, run, sig, anomaly, tz, sort }, notices };
}

export type SerializeOptions = {
  /**
   * The defaults this browser reads links with. A preset or zone is left out only when it is both
   * this default and the fallback one, so the address bar always says what differs anywhere.
   */
  defaults?: ViewDefaults;
  /** Write the preset and zone even when they are the defaults (saved views, shared links). */
  explicit?: boolean;
};

export function serializeViewParams(
  params: ViewParams,
  { defaults = FALLBACK_DEFAULTS, explicit = false }: SerializeOptions = {},
): URLSearchParams {
  const search = new URLSearchParams();
  if (params.window.kind === 'custom') {
    search.set('since', params.window.since);
    search.set('until', params.window.until);
  } else if (
    explicit ||
    params.window.preset !== defaults.preset ||
    params.window.preset !== FALLBACK_DEFAULTS.preset
  ) {
    search.set('range', params.window.preset);
  }
  if (params.statuses.length > 0) search.set('status', params.statuses.join(','));
  if (params.q !== '') search.set('q', params.q);
  if (params.run) search.set('run', params.run);
  if (params.sig) search.set('sig', params.sig);
  if (params.anomaly) search.set('anomaly', params.anomaly);
  if (explicit || params.tz !== defaults.tz || params.tz !== FALLBACK_DEFAULTS.tz)
    search.set('tz', params.tz);
  if (params.sort.key !== DEFAULT_SORT.key || params.sort.desc !== DEFAULT_SORT.desc)
    search.set('sort', `${params.sort.desc ? '-' : ''}${params.sort.key}`);
  return search;
}

/** What makes a new listing: the window alone (filters, selection and time zone carry over). */
export function windowKeyOf(params: ViewParams): string {
  return serializeViewParams({ ...DEFAULT_VIEW, window: params.window }).toString();
}
