// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPreference, resolveTheme, THEME_STORAGE_KEY } from './theme';
import { createThemeController, type ThemeController } from './theme-controller';

/** A window whose prefers-color-scheme can be flipped, as a user changing their OS setting. */
function fakeSystem(dark: boolean) {
  const listeners = new Set<() => void>();
  const media = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  vi.stubGlobal('matchMedia', () => media);
  return {
    set(next: boolean) {
      dark = next;
      listeners.forEach((l) => l());
    },
  };
}

const html = () => document.documentElement;
let controller: ThemeController | null = null;

afterEach(() => {
  controller?.dispose();
  controller = null;
  localStorage.clear();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  html().className = '';
  html().removeAttribute('style');
});

describe('theme preference', () => {
  it('resolves "system" from the system setting and an explicit choice as itself', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('reads an unknown or unreadable stored value as "system"', () => {
    expect(readPreference({ getItem: () => 'purple' })).toBe('system');
    expect(readPreference({ getItem: () => null })).toBe('system');
    expect(
      readPreference({
        getItem: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
      }),
    ).toBe('system');
    expect(readPreference({ getItem: () => 'dark' })).toBe('dark');
  });
});

describe('theme controller', () => {
  it('follows the system setting until the user chooses, then remembers the choice', () => {
    const system = fakeSystem(true);
    controller = createThemeController();
    expect(html()).toHaveClass('dark');
    expect(html().style.colorScheme).toBe('dark');

    system.set(false);
    expect(html()).not.toHaveClass('dark');
    expect(controller.get()).toEqual({ preference: 'system', theme: 'light' });

    controller.setPreference('dark');
    expect(html()).toHaveClass('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    system.set(false);
    expect(html()).toHaveClass('dark');

    // A new page load reads the remembered choice.
    controller.dispose();
    controller = createThemeController();
    expect(controller.get()).toEqual({ preference: 'dark', theme: 'dark' });

    // Back to the system setting: nothing is left stored.
    controller.setPreference('system');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(html()).not.toHaveClass('dark');
  });

  it('takes a choice made in another tab', () => {
    fakeSystem(false);
    controller = createThemeController();
    const heard = vi.fn();
    controller.subscribe(heard);
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: 'dark' }));
    expect(html()).toHaveClass('dark');
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('keeps an embedding host’s fixed theme: no switch, nothing stored', () => {
    fakeSystem(false);
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    controller = createThemeController({ fixed: 'dark' });
    expect(controller.adjustable).toBe(false);
    expect(html()).toHaveClass('dark');
    controller.setPreference('light');
    expect(html()).toHaveClass('dark');
    window.dispatchEvent(
      new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: 'light' }),
    );
    expect(html()).toHaveClass('dark');
    // The host changes its mind at run time (a message): applied, and the stored value untouched.
    controller.setHostPreference('system');
    expect(html()).not.toHaveClass('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
  });

  it('still applies the choice when storage refuses to remember it', () => {
    fakeSystem(false);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    controller = createThemeController();
    controller.setPreference('dark');
    expect(html()).toHaveClass('dark');
  });
});
