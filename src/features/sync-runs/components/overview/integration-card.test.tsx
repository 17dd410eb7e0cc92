// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, it } from 'vitest';
import { makeRun } from '@/test/fixtures';
import { server } from '@/test/msw-server';
import { TEST_API, renderWithApp } from '@/test/render';
import { windowEndingAt } from '@/domain/sync-runs/model/window';
import { IntegrationCard } from './integration-card';

const HOUR = 3_600_000;
const meta = (next: string | null) => ({
  request_id: '2c3d4e5f-6071-4829-93a4-b5c6d7e8f901',
  pagination: { has_more: next !== null, next_cursor: next },
});

function hourlyRuns(now: number, from: number, to: number, prefix = 'r') {
  return Array.from({ length: to - from }, (_, i) => from + i).map((h) =>
    makeRun({
      run_id: `${prefix}${h}`,
      started_at: new Date(now - h * HOUR).toISOString(),
      finished_at: new Date(now - h * HOUR + 60_000).toISOString(),
    }),
  );
}

function held() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

const card = (name: string, displayName: string, now: number) => (
  <IntegrationCard
    integration={{ name, displayName, kind: 'PSA' }}
    opened={{ window: windowEndingAt(now, 7 * 24 * HOUR), openedAt: now }}
  />
);

it('judges health on the newest page alone, then reads the rest of the day and the week', async () => {
  const now = Date.now();
  const restOfDay = held();
  const week = held();
  const asked: string[] = [];
  server.use(
    http.get(`${TEST_API}/public-api/integrations/halopsa/sync-runs`, async ({ request }) => {
      const url = new URL(request.url);
      const since = Date.parse(url.searchParams.get('since') ?? '');
      const lastDay = now - since <= 25 * HOUR;
      if (!lastDay) {
        asked.push('week');
        await week.promise;
        return HttpResponse.json({ data: hourlyRuns(now, 24, 168), meta: meta(null) });
      }
      // The day in two pages; the second waits for the test.
      if (!url.searchParams.get('cursor')) {
        asked.push('newest page');
        return HttpResponse.json({ data: hourlyRuns(now, 0, 12), meta: meta('c2') });
      }
      asked.push('rest of the day');
      await restOfDay.promise;
      return HttpResponse.json({ data: hourlyRuns(now, 12, 24), meta: meta(null) });
    }),
  );
  renderWithApp(card('halopsa', 'HaloPSA', now));
  // Judged on the newest page while the rest of the day is still being read.
  expect(await screen.findByText('Healthy')).toBeVisible();
  expect(await screen.findByText(/of 12… in 7 days/)).toBeVisible();
  expect(asked[0]).toBe('newest page');
  restOfDay.release();
  week.release();
  expect(await screen.findByText(/of 168 in 7 days/)).toBeVisible();
  expect(asked).toContain('rest of the day');
  expect(asked).toContain('week');
});

it("asks for no card's week before every card's newest page is in", async () => {
  const now = Date.now();
  const slowFirst = held();
  const asked: string[] = [];
  const respond = (name: string, first: () => Promise<void>) =>
    http.get(`${TEST_API}/public-api/integrations/${name}/sync-runs`, async ({ request }) => {
      const url = new URL(request.url);
      const cursor = url.searchParams.get('cursor');
      const newest = !cursor && now - Date.parse(url.searchParams.get('since') ?? '') <= 25 * HOUR;
      asked.push(`${name} ${newest ? 'newest page' : 'more'}`);
      if (newest) {
        await first();
        return HttpResponse.json({ data: hourlyRuns(now, 0, 12, name), meta: meta('c2') });
      }
      return HttpResponse.json({ data: [], meta: meta(null) });
    });
  server.use(
    respond('halopsa', async () => undefined),
    respond('autotask', () => slowFirst.promise),
  );
  renderWithApp(
    <>
      {card('halopsa', 'HaloPSA', now)}
      {card('autotask', 'Autotask', now)}
    </>,
  );
  // HaloPSA has its health; Autotask's newest page is still on its way, so nothing more is asked.
  expect(await screen.findByText('Healthy')).toBeVisible();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(asked.filter((a) => a.endsWith('more'))).toEqual([]);
  slowFirst.release();
  await waitFor(() => expect(screen.getAllByText('Healthy')).toHaveLength(2));
  await waitFor(() => expect(asked).toContain('halopsa more'));
  expect(asked).toContain('autotask more');
});
