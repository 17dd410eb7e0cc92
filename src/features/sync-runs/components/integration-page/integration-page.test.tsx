// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/test/msw-server';
import { TEST_API, renderWithApp } from '@/test/render';
import { useLocation } from 'react-router';
import { IntegrationPage } from './integration-page';

const PATH = `${TEST_API}/public-api/integrations/halopsa/sync-runs`;
const REQUEST_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const integration = { name: 'halopsa', displayName: 'HaloPSA', kind: 'PSA' };

function run(
  id: string,
  minutesAgo: number,
  status = 'SUCCESS',
  extra: Record<string, unknown> = {},
) {
  const start = Date.now() - minutesAgo * 60_000;
  return {
    run_id: id,
    temporal_run_id: null,
    temporal_workflow_id: null,
    status,
    started_at: new Date(start).toISOString(),
    finished_at: new Date(start + 60_000).toISOString(),
    error: null,
    dashboard_message: null,
    activities: [
      {
        activity_label: 'PSA Metadata',
        synced_count: 1,
        total_count: 12,
        failures:
          status === 'FAILURE'
            ? [
                {
                  resource_label: 'Ticket Types',
                  parent_label: 'Board: Service Desk (444)',
                  reason: 'permission_denied',
                  error_message: '<b>403</b> denied',
                },
              ]
            : [],
      },
    ],
    ...extra,
  };
}

function page(data: unknown[], next: string | null, hasMore = next !== null) {
  return {
    data,
    meta: {
      request_id: REQUEST_ID,
      timings_ms: { total: 3 },
      pagination: { has_more: hasMore, next_cursor: next },
    },
  };
}

/** Serves pages keyed by cursor ('' for the first), recording the cursors asked for. */
function servePages(pages: Record<string, unknown>, seen: string[] = []) {
  let baseSince: string | null = null;
  server.use(
    http.get(PATH, ({ request }) => {
      const url = new URL(request.url);
      const cursor = url.searchParams.get('cursor') ?? '';
      // Only the window listing is recorded; live refreshes ask for a later `since`.
      baseSince ??= url.searchParams.get('since');
      if (url.searchParams.get('since') === baseSince) seen.push(cursor);
      const body = pages[cursor];
      if (body instanceof Response) return body;
      return body
        ? HttpResponse.json(body)
        : HttpResponse.json(
            {
              error: { code: 'invalid_cursor', message: 'bad cursor' },
              meta: { request_id: REQUEST_ID },
            },
            { status: 400 },
          );
    }),
  );
  return seen;
}

const ui = {
  loaded: () => screen.findByText(/runs loaded\./, undefined, { timeout: 5000 }),
  table: () => screen.getByRole('region', { name: 'Sync runs table' }),
};

/** The address bar, for tests of what the view writes into links. */
function LocationText() {
  const { search } = useLocation();
  return <output aria-label="Address">{search}</output>;
}

/** The sort button in a column's header. */
function sortButton(column: RegExp): HTMLElement {
  return within(screen.getByRole('columnheader', { name: column })).getByRole('button');
}

/** Run ids in the order the table shows them. */
function tableOrder(): string[] {
  return within(ui.table())
    .getAllByRole('row')
    .map((row) => row.getAttribute('data-run-id'))
    .filter((id): id is string => id !== null);
}

describe('IntegrationPage', () => {
  it('sorts the table as the link says, and keeps a new sort in the link', async () => {
    servePages({ '': page([run('r1', 10), run('r2', 40), run('r3', 70, 'FAILURE')], null) });
    renderWithApp(
      <>
        <IntegrationPage integration={integration} />
        <LocationText />
      </>,
      { route: '/integrations/halopsa?sort=started' },
    );
    await ui.loaded();
    await screen.findByRole('region', { name: 'Sync runs table' });
    expect(screen.getByRole('columnheader', { name: /Started/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(tableOrder()).toEqual(['r3', 'r2', 'r1']);

    await userEvent.click(sortButton(/Failures/));
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /Failures/ })).toHaveAttribute('aria-sort'),
    );
    const address = new URLSearchParams(
      screen.getByRole('status', { name: 'Address' }).textContent ?? '',
    );
    expect(address.get('sort')).toMatch(/^-?failures$/);
    expect(tableOrder()[0]).toBe(address.get('sort') === '-failures' ? 'r3' : 'r1');
  });

  it('leaves the default sort (newest first) out of links', async () => {
    servePages({ '': page([run('r1', 10), run('r2', 40)], null) });
    renderWithApp(
      <>
        <IntegrationPage integration={integration} />
        <LocationText />
      </>,
      { route: '/integrations/halopsa?sort=-started' },
    );
    await ui.loaded();
    await screen.findByRole('region', { name: 'Sync runs table' });
    expect(tableOrder()).toEqual(['r1', 'r2']);
    const address = () => screen.getByRole('status', { name: 'Address' }).textContent;
    expect(address()).toBe('?sort=-started');
    await userEvent.click(sortButton(/Status/));
    await waitFor(() => expect(address()).toMatch(/sort=-?status/));
    // Back to newest first: the link loses its sort.
    const startedSort = () =>
      screen.getByRole('columnheader', { name: /Started/ }).getAttribute('aria-sort');
    for (let click = 0; click < 3 && startedSort() !== 'descending'; click += 1)
      await userEvent.click(sortButton(/Started/));
    expect(startedSort()).toBe('descending');
    expect(new URLSearchParams(address() ?? '').has('sort')).toBe(false);
    expect(tableOrder()).toEqual(['r1', 'r2']);
  });

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
    const seen: string[] = [];
    let baseSince: string | null = null;
    server.use(
      http.get(PATH, ({ request }) => {
        const url = new URL(request.url);
        const cursor = url.searchParams.get('cursor') ?? '';
        // The window's listing only (a live refresh asks from a later `since`).
        baseSince ??= url.searchParams.get('since');
        if (url.searchParams.get('since') === baseSince) seen.push(cursor);
        if (cursor === 'c1' && failures > 0) {
          failures -= 1;
          return HttpResponse.json(
            {
              error: { code: 'unavailable', message: 'Try later.' },
              meta: { request_id: REQUEST_ID },
            },
            { status: 503 },
          );
        }
        return HttpResponse.json(
          cursor === '' ? page([run('r1', 10), run('r2', 20)], 'c1') : page([run('r3', 30)], null),
        );
      }),
    );
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
    let baseSince: string | null = null;
    const seen: string[] = [];
    server.use(
      http.get(PATH, ({ request }) => {
        const url = new URL(request.url);
        const cursor = url.searchParams.get('cursor') ?? '';
        baseSince ??= url.searchParams.get('since');
        if (url.searchParams.get('since') === baseSince) seen.push(cursor);
        if (cursor === '') return HttpResponse.json(page([run('r1', 10), run('r2', 20)], 'c1'));
        if (fail)
          return HttpResponse.json(
            {
              error: { code: 'FORBIDDEN', message: 'Not for you.' },
              meta: { request_id: REQUEST_ID },
            },
            { status: 403 },
          );
        return HttpResponse.json(page([run('r3', 30)], null));
      }),
    );
    renderWithApp(<IntegrationPage integration={integration} />, {
      route: '/integrations/halopsa',
    });
    const stopped = await screen.findByText('Loading stopped after 2 runs', undefined, {
      timeout: 5000,
    });
    const panel = stopped.closest('[role="alert"]') as HTMLElement;
    expect(within(panel).getByText('FORBIDDEN')).toBeInTheDocument();
    expect(within(panel).getByText(REQUEST_ID)).toBeInTheDocument();
    expect(within(ui.table()).getAllByRole('row').length).toBeGreaterThan(2);

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
    server.use(
      http.get(PATH, () =>
        HttpResponse.json(
          {
            error: { code: 'integration_not_connected', message: 'nope' },
            meta: { request_id: REQUEST_ID },
          },
          { status: 404 },
        ),
      ),
    );
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
