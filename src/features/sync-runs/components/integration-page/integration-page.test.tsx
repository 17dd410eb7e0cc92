// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/test/msw-server';
import { renderWithApp } from '@/test/render';
import {
  PATH,
  REQUEST_ID,
  apiError,
  integration,
  page,
  run,
  servePages,
} from '@/test/sync-runs-pages';
import { IntegrationPage } from './integration-page';

const ui = {
  loaded: () => screen.findByText(/runs loaded\./, undefined, { timeout: 5000 }),
  table: () => screen.getByRole('region', { name: 'Sync runs table' }),
};

describe('IntegrationPage', () => {
  it('follows the cursor through the whole window without clicks, de-duplicating by run_id', async () => {
    const seen = servePages({
      '': page([run('r1', 10), run('r2', 40)], 'c1'),
      c1: page([run('r2', 40), run('r3', 70, 'FAILURE')], 'c2'),
      c2: page([run('r4', 100)], null),
    });
    renderWithApp(<IntegrationPage integration={integration} />, {
      route: '/integrations/halopsa?range=24h',
    });
    expect(await ui.loaded()).toHaveTextContent('4 runs loaded.');
    expect(seen).toEqual(['', 'c1', 'c2']);
    expect(await screen.findByText(/Showing 4 of 4 runs/)).toBeInTheDocument();
  });

  it('stops with a warning instead of looping when a cursor repeats', async () => {
    const seen = servePages({ '': page([run('r1', 10)], 'c1'), c1: page([run('r2', 20)], 'c1') });
    renderWithApp(<IntegrationPage integration={integration} />, {
      route: '/integrations/halopsa',
    });
    expect(
      await screen.findByText(/returned a page cursor it had already given/, undefined, {
        timeout: 5000,
      }),
    ).toBeInTheDocument();
    expect(seen).toEqual(['', 'c1']);
    expect(screen.getByText(/2 runs loaded\./)).toBeInTheDocument();
  });

  it('retries a page that failed with a 503 on its own, keeps every run, and says so', async () => {
    let failures = 1;
    const seen = servePages((cursor) => {
      if (cursor === 'c1' && failures > 0) {
        failures -= 1;
        return apiError(503, 'unavailable', 'Try later.');
      }
      return cursor === ''
        ? page([run('r1', 10), run('r2', 20)], 'c1')
        : page([run('r3', 30)], null);
    });
    renderWithApp(<IntegrationPage integration={integration} />, {
      route: '/integrations/halopsa?range=24h',
    });
    const loaded = await screen.findByText(/runs loaded\./, undefined, { timeout: 10_000 });
    expect(loaded).toHaveTextContent('3 runs loaded. 1 request was retried.');
    // Only the failed page was asked again, not the whole window.
    expect(seen.filter((c) => c === '')).toHaveLength(1);
    expect(seen.filter((c) => c === 'c1')).toHaveLength(2);
  });

  it('keeps loaded runs when a page fails and resumes from the failed cursor', async () => {
    let fail = true;
    const seen = servePages((cursor) => {
      if (cursor === '') return page([run('r1', 10), run('r2', 20)], 'c1');
      if (fail) return apiError(403, 'FORBIDDEN', 'Not for you.');
      return page([run('r3', 30)], null);
    });
    renderWithApp(<IntegrationPage integration={integration} />, {
      route: '/integrations/halopsa',
    });
    const stopped = await screen.findByText('Loading stopped after 2 runs', undefined, {
      timeout: 5000,
    });
    const panel = stopped.closest('[role="alert"]') as HTMLElement;
    expect(within(panel).getByText('FORBIDDEN')).toBeInTheDocument();
    expect(within(panel).getByText(REQUEST_ID)).toBeInTheDocument();
    // The table follows the load state a moment later (it is drawn in a render of its own).
    await waitFor(() => expect(within(ui.table()).getAllByRole('row').length).toBeGreaterThan(2));

    fail = false;
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Retry from where it stopped' }),
    );
    expect(await ui.loaded()).toHaveTextContent('3 runs loaded.');
    expect(seen).toEqual(['', 'c1', 'c1']);
  });

  it('reports a malformed run by id and renders API text as text', async () => {
    servePages({
      '': page([run('r1', 10, 'FAILURE'), { ...run('bad-run', 20), status: 'EXPLODED' }], null),
    });
    renderWithApp(<IntegrationPage integration={integration} />, {
      route: '/integrations/halopsa?run=r1',
    });
    expect(
      await screen.findByText(/1 run could not be read/, undefined, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('bad-run')).toBeInTheDocument();
    // The selected run is expanded; its error message markup is shown literally.
    expect(
      await screen.findByText('<b>403</b> denied', undefined, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
  });

  it('shows the documented 404 as a plain-language state', async () => {
    server.use(http.get(PATH, () => apiError(404, 'integration_not_connected', 'nope')));
    renderWithApp(<IntegrationPage integration={integration} />, {
      route: '/integrations/halopsa',
    });
    expect(await screen.findByText('Not connected for this tenant')).toBeInTheDocument();
  });

  it('corrects an invalid link to the nearest valid view and says so', async () => {
    servePages({ '': page([], null) });
    renderWithApp(<IntegrationPage integration={integration} />, {
      route: '/integrations/halopsa?status=EXPLODED&since=2026-13-45',
    });
    expect(await screen.findByText(/The link was adjusted/)).toBeInTheDocument();
    expect(screen.getByText(/"EXPLODED" is not a run status/)).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByText(/No runs started in this window/)).toBeInTheDocument(),
    );
  });
});
