// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { SyncRun } from '@/lib/api/schemas';
import { makeRun } from '@/test/fixtures';
import { server } from '@/test/msw-server';
import { TEST_API, renderWithApp } from '@/test/render';
import { OverviewPage } from './overview-page';

const HOUR = 3_600_000;
const integrations = [
  { name: 'connectwise', displayName: 'ConnectWise PSA', kind: 'PSA' },
  { name: 'halopsa', displayName: 'HaloPSA', kind: 'PSA' },
  { name: 'autotask', displayName: 'Autotask', kind: 'PSA' },
];

function hourly(failingHoursAgo: number[]): SyncRun[] {
  const now = Date.now();
  return Array.from({ length: 160 }, (_, h) =>
    makeRun({
      run_id: `r${h}`,
      status: failingHoursAgo.includes(h) ? 'FAILURE' : 'SUCCESS',
      started_at: new Date(now - h * HOUR - 5 * 60_000).toISOString(),
      finished_at: new Date(now - h * HOUR - 4 * 60_000).toISOString(),
    }),
  );
}

function serve() {
  const runs: Record<string, SyncRun[]> = {
    connectwise: hourly([]),
    halopsa: hourly([0, 30]),
  };
  let requests = 0;
  server.use(
    http.get(`${TEST_API}/public-api/integrations/:name/sync-runs`, ({ params, request }) => {
      requests += 1;
      const name = String(params.name);
      const list = runs[name];
      if (!list)
        return HttpResponse.json(
          {
            error: {
              code: 'integration_not_connected',
              message: 'Not connected',
              request_id: '2c3d4e5f-6071-4829-93a4-b5c6d7e8f901',
            },
          },
          { status: 404 },
        );
      const url = new URL(request.url);
      const since = Date.parse(url.searchParams.get('since') ?? '');
      const until = Date.parse(url.searchParams.get('until') ?? '');
      const data = list.filter((r) => {
        const t = Date.parse(r.started_at ?? '');
        return t >= since && t < until;
      });
      return HttpResponse.json({
        data,
        meta: {
          request_id: '2c3d4e5f-6071-4829-93a4-b5c6d7e8f901',
          pagination: { has_more: false, next_cursor: null },
        },
      });
    }),
  );
  return { requests: () => requests };
}

function Where() {
  const location = useLocation();
  return <p>At {location.pathname + location.search}</p>;
}

/** The overview at /, and where a link from it to an integration page leads (as "At <url>"). */
function renderOverviewLinkingOut() {
  renderWithApp(
    <Routes>
      <Route path="/" element={<OverviewPage integrations={integrations} />} />
      <Route path="/integrations/:name" element={<Where />} />
    </Routes>,
  );
}

describe('Overview', { timeout: 20_000 }, () => {
  it('draws a lane per integration and opens an integration at the period clicked', async () => {
    serve();
    renderOverviewLinkingOut();
    const timeline = screen.getByRole('region', { name: 'Sync timeline, last 7 days' });
    const halo = await within(timeline).findByRole(
      'application',
      { name: /^HaloPSA\./ },
      { timeout: 10_000 },
    );
    await waitFor(() =>
      expect(halo).toHaveAccessibleDescription(
        /^HaloPSA: 1(59|60) runs, 2 failed, the latest in the period from /,
      ),
    );
    expect(
      within(timeline).getByRole('application', { name: /^ConnectWise PSA\./ }),
    ).toHaveAccessibleDescription(/^ConnectWise PSA: 1(59|60) runs, none failed\.$/);
    expect(within(timeline).getByText('Not connected for this tenant')).toBeInTheDocument();
    // The failing card (its latest run failed) comes first, and so does its lane.
    const lanes = within(timeline).getAllByRole('application');
    expect(lanes[0]).toHaveAccessibleName(/^HaloPSA\./);
    // How fresh the overview is, once every card has its runs.
    expect(
      await screen.findByText(
        (_, el) =>
          el?.tagName === 'P' &&
          /Live · Updated .+ · checked every 60 s$/.test(el.textContent ?? ''),
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();

    // Keyboard: End goes to the newest period, Enter opens it.
    halo.focus();
    await userEvent.keyboard('{End}');
    expect(within(timeline).getByRole('tooltip')).toHaveTextContent(
      /: 1 failure(, [12] success)?\. Click or Enter opens this period\./,
    );
    await userEvent.keyboard('{Enter}');
    const at = await screen.findByText(/^At \/integrations\/halopsa\?since=/);
    const search = new URLSearchParams(at.textContent!.split('?')[1]);
    const span = Date.parse(search.get('until')!) - Date.parse(search.get('since')!);
    expect(span).toBeGreaterThan(0);
    expect(span).toBeLessThanOrEqual(7 * 24 * HOUR);
    expect(Date.parse(search.get('until')!)).toBeGreaterThan(Date.now() - span - 60_000);
  });

  it('keys the timeline as the integration page does: colour, symbol and word per status', () => {
    serve();
    renderWithApp(<OverviewPage integrations={integrations} />);
    const timeline = screen.getByRole('region', { name: 'Sync timeline, last 7 days' });
    const legend = within(timeline).getByRole('list', { name: 'Legend' });
    // In the order a period picks its status; the symbol is for people who cannot rely on colour.
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((key) => key.textContent),
    ).toEqual(['✕Failure', '▶Running', '✓Success', '–Skipped']);
  });

  it('clicking a failing period opens the integration around that failure', async () => {
    serve();
    renderOverviewLinkingOut();
    const halo = await screen.findByRole(
      'application',
      { name: /^HaloPSA\./ },
      { timeout: 10_000 },
    );
    await waitFor(() => expect(halo.querySelector('[data-status="FAILURE"]')).not.toBeNull());
    await userEvent.click(halo.querySelector('[data-status="FAILURE"]')!);
    const at = await screen.findByText(/^At \/integrations\/halopsa\?since=/);
    const search = new URLSearchParams(at.textContent!.split('?')[1]);
    const failedAt = Date.now() - 30 * HOUR - 5 * 60_000;
    expect(Date.parse(search.get('since')!)).toBeLessThanOrEqual(failedAt);
    expect(Date.parse(search.get('until')!)).toBeGreaterThan(failedAt);
  });
});
