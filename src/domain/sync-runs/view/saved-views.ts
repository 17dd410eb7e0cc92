// Saved views: a name for a link to one integration's view (window preset or range, filters, sort,
// zone). The link is the view, so a saved view is only its name and its link. Search text is never
// part of it: what a person typed (a customer, a record) is not kept in the browser, where it would
// outlive sign-out and be seen by the next account (issue 32). Pure: checking what storage holds,
// saving, and naming a view.
import { integrationPath } from './integration-path';
import { RANGE_PRESETS, serializeViewParams, type ViewParams } from './view-params';

export type SavedView = { id: string; name: string; path: string; savedAt: string };

export const MAX_SAVED_VIEWS = 20;
export const MAX_VIEW_NAME = 80;

/** Only a path of this app's integration pages: never another site, a script or a fragment. */
const VIEW_PATH = /^\/integrations\/[A-Za-z0-9_-]{1,64}(\?[^#\s]{0,2000})?$/;

export function isViewPath(path: string): boolean {
  return VIEW_PATH.test(path);
}

/** A view's path without search text (one saved before it was left out loses it). */
function withoutSearch(path: string): string {
  const [base = path, query] = path.split('?');
  if (query === undefined) return path;
  const search = new URLSearchParams(query);
  if (!search.has('q')) return path;
  search.delete('q');
  const rest = search.toString();
  return rest ? `${base}?${rest}` : base;
}

/** What storage held, kept where it is a well-formed view (storage is user-editable). */
export function readSavedViews(raw: unknown): SavedView[] {
  if (!Array.isArray(raw)) return [];
  const views: SavedView[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, name, path, savedAt } = item as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string' || typeof path !== 'string') continue;
    const cleanName = name.trim().slice(0, MAX_VIEW_NAME);
    if (cleanName === '' || !isViewPath(path) || views.some((v) => v.id === id)) continue;
    views.push({
      id,
      name: cleanName,
      path: withoutSearch(path),
      savedAt: typeof savedAt === 'string' ? savedAt : new Date(0).toISOString(),
    });
  }
  return views.slice(0, MAX_SAVED_VIEWS);
}

/** The link of a view: all but the selected run and search text, preset and zone written out. */
export function viewPath(integration: string, params: ViewParams): string {
  const view = { ...params, run: null, q: '' };
  const search = serializeViewParams(view, { explicit: true }).toString();
  return integrationPath(integration, search);
}

/** A name to start from: "HaloPSA · Last 7 days · Failure" (never the search text). */
export function suggestViewName(displayName: string, params: ViewParams): string {
  const parts = [displayName];
  parts.push(
    params.window.kind === 'preset' ? RANGE_PRESETS[params.window.preset].label : 'Pinned range',
  );
  if (params.statuses.length > 0)
    parts.push(params.statuses.map((s) => s[0] + s.slice(1).toLowerCase()).join(', '));
  return parts.join(' · ').slice(0, MAX_VIEW_NAME);
}

export type SaveResult =
  { ok: true; views: SavedView[]; replaced: boolean } | { ok: false; message: string };

/** Adds a view, or replaces the one of the same name (names are case-insensitive). */
export function saveView(
  views: readonly SavedView[],
  input: { name: string; path: string },
  now: number,
  newId: () => string,
): SaveResult {
  const name = input.name.trim();
  if (name === '') return { ok: false, message: 'Give the view a name.' };
  if (name.length > MAX_VIEW_NAME)
    return { ok: false, message: `A name can be at most ${MAX_VIEW_NAME} characters.` };
  if (!isViewPath(input.path))
    return { ok: false, message: 'Only an integration view can be saved.' };
  const path = withoutSearch(input.path);
  const existing = views.find((v) => v.name.toLowerCase() === name.toLowerCase());
  const view: SavedView = {
    id: existing?.id ?? newId(),
    name,
    path,
    savedAt: new Date(now).toISOString(),
  };
  if (existing)
    return { ok: true, replaced: true, views: views.map((v) => (v.id === existing.id ? view : v)) };
  if (views.length >= MAX_SAVED_VIEWS)
    return {
      ok: false,
      message: `You have ${MAX_SAVED_VIEWS} saved views, the most kept: delete one first.`,
    };
  return { ok: true, replaced: false, views: [view, ...views] };
}
