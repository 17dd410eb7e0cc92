// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '@/domain/sync-runs/view/view-params';
import { renderWithApp } from '@/test/render';
import { SavedViewsControls } from './saved-views-controls';
import { SAVED_VIEWS_KEY } from './saved-views-store';

const halo = { name: 'halopsa', displayName: 'HaloPSA', kind: 'PSA' };
const view = {
  ...DEFAULT_VIEW,
  window: { kind: 'preset', preset: '7d' } as const,
  statuses: ['FAILURE' as const],
  q: 'Ticket',
  run: 'r-9',
};

beforeEach(() => localStorage.clear());

it('names the view, keeps it in this browser without its search text, lists it as its link, and deletes it', async () => {
  const user = userEvent.setup();
  renderWithApp(<SavedViewsControls integration={halo} params={view} />);
  await user.click(screen.getByRole('button', { name: 'Save view' }));
  const name = screen.getByRole('textbox', { name: 'Name of this view' });
  expect(name).toHaveValue('HaloPSA · Last 7 days · Failure');
  await user.clear(name);
  await user.type(name, 'Halo ticket failures{Enter}');
  expect(screen.getByRole('status')).toHaveTextContent('Saved “Halo ticket failures”.');

  const stored = JSON.parse(localStorage.getItem(SAVED_VIEWS_KEY) ?? '[]') as unknown[];
  expect(stored).toEqual([
    expect.objectContaining({
      name: 'Halo ticket failures',
      path: '/integrations/halopsa?range=7d&status=FAILURE&tz=local',
    }),
  ]);

  await user.click(screen.getByRole('button', { name: 'Saved views (1)' }));
  const list = screen.getByRole('region', { name: 'Saved views' });
  expect(within(list).getByRole('link', { name: 'Halo ticket failures' })).toHaveAttribute(
    'href',
    '/integrations/halopsa?range=7d&status=FAILURE&tz=local',
  );
  await user.click(
    within(list).getByRole('button', { name: 'Delete saved view “Halo ticket failures”' }),
  );
  expect(within(list).getByText(/No saved views yet/)).toBeVisible();
  expect(localStorage.getItem(SAVED_VIEWS_KEY)).toBe('[]');
});

it('refuses an empty name and says why', async () => {
  const user = userEvent.setup();
  renderWithApp(<SavedViewsControls integration={halo} params={view} />);
  await user.click(screen.getByRole('button', { name: 'Save view' }));
  await user.clear(screen.getByRole('textbox', { name: 'Name of this view' }));
  await user.click(screen.getByRole('button', { name: 'Save' }));
  expect(screen.getByRole('alert')).toHaveTextContent('Give the view a name.');
  expect(localStorage.getItem(SAVED_VIEWS_KEY)).toBeNull();
});

it('ignores what in storage is not a view of this app', async () => {
  localStorage.setItem(
    SAVED_VIEWS_KEY,
    JSON.stringify([
      { id: '1', name: 'Evil', path: 'https://evil.example/' },
      { id: '2', name: 'Kept', path: '/integrations/ninjaone?range=24h' },
    ]),
  );
  const user = userEvent.setup();
  renderWithApp(<SavedViewsControls integration={halo} params={view} />);
  await user.click(screen.getByRole('button', { name: 'Saved views (1)' }));
  expect(screen.getByRole('link', { name: 'Kept' })).toBeVisible();
  expect(screen.queryByText('Evil')).toBeNull();
});
