// Saved views in this browser only: `sync-runs.saved-views`, a list of names and links (no run
// data, no search text, nothing about the account). Shared by the app's tabs.
import { readSavedViews, saveView, type SavedView } from '@/domain/sync-runs/view/saved-views';
import { browserStorage } from '@/lib/storage/browser-storage';
import { storedValue, useStoredValue } from '@/lib/storage/stored-value';

export const SAVED_VIEWS_KEY = 'sync-runs.saved-views';

export const savedViewsStore = storedValue(SAVED_VIEWS_KEY, readSavedViews);

// Views saved when links kept their search text: written back without it.
if (browserStorage.local().getItem(SAVED_VIEWS_KEY)?.includes('q=')) {
  savedViewsStore.write(savedViewsStore.read());
}

export function useSavedViews(): SavedView[] {
  return useStoredValue(savedViewsStore);
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random()}`;
}

export function storeView(input: { name: string; path: string }) {
  const result = saveView(savedViewsStore.read(), input, Date.now(), newId);
  if (result.ok) savedViewsStore.write(result.views);
  return result;
}

export function deleteView(id: string): void {
  savedViewsStore.write(savedViewsStore.read().filter((view) => view.id !== id));
}

/** The link to share: this app's address with the view's path. */
export function viewUrl(view: SavedView): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${globalThis.location.origin}${base}${view.path}`;
}
