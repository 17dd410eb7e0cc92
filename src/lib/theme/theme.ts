// Light or dark: the user's choice (remembered on this device), else the system setting. An
// embedding host decides for its widget with ?theme=light|dark|system.

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/** Only this word is stored: never anything about the user or their session. */
export const THEME_STORAGE_KEY = 'sync-runs.theme';
const PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

export function parsePreference(value: unknown): ThemePreference | null {
  return PREFERENCES.find((p) => p === value) ?? null;
}

/** Storage can be missing or refuse access (blocked third-party storage in an iframe). */
export function readPreference(storage: Pick<Storage, 'getItem'> | undefined): ThemePreference {
  try {
    return parsePreference(storage?.getItem(THEME_STORAGE_KEY)) ?? 'system';
  } catch {
    return 'system';
  }
}

export function writePreference(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  preference: ThemePreference,
): void {
  try {
    if (preference === 'system') storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Not remembered, still applied for this page.
  }
}

export function resolveTheme(preference: ThemePreference, systemDark: boolean): Theme {
  return preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;
}

export const DARK_QUERY = '(prefers-color-scheme: dark)';

export function applyTheme(root: HTMLElement, theme: Theme): void {
  root.classList.toggle('dark', theme === 'dark');
  root.style.colorScheme = theme;
}
