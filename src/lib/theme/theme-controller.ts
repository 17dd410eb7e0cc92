// The page's theme as a small store: applied to <html> at once, followed when the system setting
// changes (while the preference is "system") and when another tab changes the remembered choice.
import {
  applyTheme,
  DARK_QUERY,
  parsePreference,
  readPreference,
  resolveTheme,
  THEME_STORAGE_KEY,
  writePreference,
  type Theme,
  type ThemePreference,
} from './theme';
import { browserStorage } from '@/lib/storage/browser-storage';

export type ThemeState = { preference: ThemePreference; theme: Theme };

export type ThemeController = {
  get(): ThemeState;
  subscribe(listener: () => void): () => void;
  setPreference(preference: ThemePreference): void;
  /** False for an embedded widget: its host chooses (URL, then messages), nothing is stored. */
  readonly adjustable: boolean;
  /** The embedding host's new choice; ignored unless the controller is the host's. */
  setHostPreference(preference: ThemePreference): void;
  dispose(): void;
};

type Options = {
  win?: Window;
  /** Where the choice is remembered: this page's guarded localStorage unless a test says. */
  storage?: Storage;
  /** A fixed preference (the embedding host's); otherwise the stored one, adjustable. */
  fixed?: ThemePreference;
};

export function createThemeController({
  win = window,
  storage: remembered,
  fixed,
}: Options = {}): ThemeController {
  const storage = fixed ? undefined : (remembered ?? browserStorage.local());
  const media = typeof win.matchMedia === 'function' ? win.matchMedia(DARK_QUERY) : null;
  const listeners = new Set<() => void>();
  let preference: ThemePreference = fixed ?? readPreference(storage);
  let state: ThemeState = { preference, theme: 'light' };

  function update() {
    const theme = resolveTheme(preference, media?.matches ?? false);
    applyTheme(win.document.documentElement, theme);
    if (theme === state.theme && preference === state.preference) return;
    state = { preference, theme };
    listeners.forEach((listener) => listener());
  }

  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    preference = parsePreference(event.newValue) ?? 'system';
    update();
  };
  media?.addEventListener('change', update);
  if (!fixed) win.addEventListener('storage', onStorage);
  update();

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setPreference(next) {
      if (fixed) return;
      preference = next;
      writePreference(storage, next);
      update();
    },
    adjustable: !fixed,
    setHostPreference(next) {
      if (!fixed) return;
      preference = next;
      update();
    },
    dispose() {
      media?.removeEventListener('change', update);
      win.removeEventListener('storage', onStorage);
      listeners.clear();
    },
  };
}
