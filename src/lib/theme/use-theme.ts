// The page's theme controller for React: installed once at start-up, before the first paint.
import { useSyncExternalStore } from 'react';
import { createThemeController, type ThemeController, type ThemeState } from './theme-controller';
import type { ThemePreference } from './theme';

let installed: ThemeController | null = null;

export function installTheme(fixed?: ThemePreference): ThemeController {
  installed?.dispose();
  installed = createThemeController({ fixed });
  return installed;
}

export function themeController(): ThemeController {
  return installed ?? installTheme();
}

export function useTheme(): ThemeState & {
  adjustable: boolean;
  setPreference: (p: ThemePreference) => void;
} {
  const c = themeController();
  const state = useSyncExternalStore(c.subscribe, c.get);
  return { ...state, adjustable: c.adjustable, setPreference: c.setPreference };
}
