// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/test/msw-server';
import { TEST_API, renderWithApp } from '@/test/render';
import { makeRun } from '@/test/fixtures';
import { IntegrationPage } from '@/features/sync-runs/components/integration-page/integration-page';
import { Shortcuts } from '@/features/shortcuts/shortcuts-dialog';

const integration = { name: 'halopsa', displayName: 'HaloPSA', kind: 'PSA' };

function serveRuns(ids: string[]) {
  const now = Date.now();
  const data = ids.map((run_id, i) =>
    makeRun({
      run_id,
      started_at: new Date(now - (i + 1) * 600_000).toISOString(),
      finished_at: new Date(now - (i + 1) * 600_000 + 60_000).toISOString(),
    }),
  );
  server.use(
    http.get(`${TEST_API}/public-api/integrations/halopsa/sync-runs`, () =>
      HttpResponse.json({
        data,
        meta: {
          request_id: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
          pagination: { has_more: false, next_cursor: null },
        },
      }),
    ),
  );
}

function renderPage() {
  serveRuns(['run-a', 'run-b', 'run-c']);
  renderWithApp(
    <>
      <IntegrationPage integration={integration} />
      <Shortcuts />
    </>,
    { route: '/integrations/halopsa?range=24h' },
  );
  return screen.findByText(/runs loaded\./, undefined, { timeout: 5000 });
}

/** The run the table shows as selected (and expanded), by id. */
const openRun = () =>
  document.querySelector('tr[aria-selected="true"]')?.getAttribute('data-run-id') ?? undefined;

describe('keyboard shortcuts', () => {
  it('j and k walk the runs in table order, Esc closes the open one', async () => {
    await renderPage();
    await userEvent.keyboard('j');
    await waitFor(() => expect(openRun()).toBe('run-a'));
    await userEvent.keyboard('j');
    await waitFor(() => expect(openRun()).toBe('run-b'));
    await userEvent.keyboard('k');
    await waitFor(() => expect(openRun()).toBe('run-a'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(openRun()).toBeUndefined());
  });

  it('/ focuses the search, and letters typed there stay in the field', async () => {
    await renderPage();
    await userEvent.keyboard('/');
    const search = screen.getByRole('searchbox');
    expect(search).toHaveFocus();
    await userEvent.keyboard('jk');
    expect(search).toHaveValue('jk');
    expect(openRun()).toBeUndefined();
  });

  it('? lists the shortcuts in a dialog that Esc closes, giving focus back', async () => {
    await renderPage();
    const heading = screen.getByRole('heading', { level: 1 });
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    await userEvent.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveTextContent('Next run in the table');
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(heading).toHaveFocus();
  });
});
