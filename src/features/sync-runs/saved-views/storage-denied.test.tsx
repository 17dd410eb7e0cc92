// @vitest-environment jsdom
// A portal's frame in a browser that denies third-party storage: reading localStorage,
// sessionStorage or indexedDB throws a SecurityError. The page still works, in memory, and says
// once what it will not remember.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '@/domain/sync-runs/view/view-params';
import { renderWithApp } from '@/test/render';
import type { RunCache } from '@/features/sync-runs/cache/run-cache-store';

const halo = { name: 'halopsa', displayName: 'HaloPSA', kind: 'PSA' };

beforeAll(() => {
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
    Object.defineProperty(window, name, {
      configurable: true,
      get() {
        throw new DOMException(
          `Failed to read the '${name}' property from 'Window': Access is denied for this document.`,
          'SecurityError',
        );
      },
    });
  }
});

it('saves views for this page only and says once what this browser keeps nothing of', async () => {
  // Imported after storage is refused, as the widget's modules load in such a frame.
  const { SavedViewsControls } = await import('./saved-views-controls');
  const { RunCacheContext } = await import('@/features/sync-runs/cache/run-cache-context');
  const user = userEvent.setup();
  renderWithApp(
    <RunCacheContext.Provider value={{} as RunCache}>
      <SavedViewsControls integration={halo} params={DEFAULT_VIEW} />
    </RunCacheContext.Provider>,
  );
  expect(
    await screen.findByText(
      'This browser keeps nothing for this page: saved views, the remembered time zone and kept runs last only until you leave.',
    ),
  ).toHaveAttribute('role', 'status');

  await user.click(screen.getByRole('button', { name: 'Save view' }));
  await user.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByText(/Saved “HaloPSA · Last 30 days”/)).toBeVisible();
  expect(screen.getByRole('button', { name: 'Saved views (1)' })).toBeVisible();
  expect(screen.getAllByText(/This browser keeps nothing/)).toHaveLength(1);
});
