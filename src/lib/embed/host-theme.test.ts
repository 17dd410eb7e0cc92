import { expect, it, vi } from 'vitest';
import { listenForHostTheme } from './host-theme';

const PORTAL = 'https://portal.example.com';

it('follows theme messages only from the parent window on an allowed origin', () => {
  const listeners = new Set<(event: MessageEvent) => void>();
  const parent = {};
  const win = {
    parent,
    addEventListener: (_: string, fn: (event: MessageEvent) => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: (event: MessageEvent) => void) => listeners.delete(fn),
  } as unknown as Window;
  const deliver = (data: unknown, origin = PORTAL, source: unknown = parent) =>
    listeners.forEach((fn) => fn({ data, origin, source } as MessageEvent));
  const onTheme = vi.fn();
  const stop = listenForHostTheme([PORTAL], onTheme, win);

  deliver({ type: 'sync-runs:theme', version: 1, theme: 'dark' }, 'https://evil.example');
  deliver({ type: 'sync-runs:theme', version: 1, theme: 'dark' }, PORTAL, {}); // another window
  deliver({ type: 'sync-runs:theme', version: 1, theme: 'purple' });
  deliver({ type: 'sync-runs:theme', version: 1 });
  deliver('dark');
  expect(onTheme).not.toHaveBeenCalled();

  deliver({ type: 'sync-runs:theme', version: 1, theme: 'dark' });
  deliver({ type: 'sync-runs:theme', version: 1, theme: 'system' });
  expect(onTheme.mock.calls).toEqual([['dark'], ['system']]);

  stop();
  deliver({ type: 'sync-runs:theme', version: 1, theme: 'light' });
  expect(onTheme).toHaveBeenCalledTimes(2);
});
