// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, it } from 'vitest';
import { makeRun } from '@/test/fixtures';
import { server } from '@/test/msw-server';
import { TEST_API, renderWithApp } from '@/test/render';
import { windowEndingAt } from '@/domain/sync-runs/window';
import { IntegrationCard } from './integration-card';

const HOUR = 3_600_000;
const meta = (next: string | null) => ({
  request_id: '2c3d4e5f-6071-4829-93a4-b5c6d7e8f901',
  pagination: { has_more: next !== null, next_cursor: next },
});

it('reads the last day first: health as soon as it is in, the rest of the week after', async () => {
  const now = Date.now();
  const hourly = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => from + i).map((h) =>
      makeRun({
        run_id: `r${h}`,
        started_at: new Date(now - h * HOUR).toISOString(),
        finished_at: new Date(now - h * HOUR + 60_000).toISOString(),
      }),
    );
  let releaseDay!: () => void;
  const dayHeld = new Promise<void>((resolve) => (releaseDay = resolve));
  let releaseWeek!: () => void;
  const weekHeld = new Promise<void>((resolve) => (releaseWeek = resolve));
  const asked: string[] = [];
  server.use(
    http.get(`${TEST_API}/public-api/integrations/halopsa/sync-runs`, async ({ request }) => {
      const url = new URL(request.url);
      const since = Date.parse(url.searchParams.get('since') ?? '');
      const lastDay = now - since <= 25 * HOUR;
      asked.push(lastDay ? 'day' : 'week');
      if (lastDay) {
        // The day in two pages; the second waits for the test.
        if (!url.searchParams.get('cursor'))
          return HttpResponse.json({ data: hourly(0, 12), meta: meta('c2') });
        await dayHeld;
        return HttpResponse.json({ data: hourly(12, 24), meta: meta(null) });
      }
      await weekHeld;
      return HttpResponse.json({ data: hourly(24, 168), meta: meta(null) });
    }),
  );
  renderWithApp(
    <IntegrationCard
      integration={{ name: 'halopsa', displayName: 'HaloPSA', kind: 'PSA' }}
      opened={{ window: windowEndingAt(now, 7 * 24 * HOUR), openedAt: now }}
    />,
  );
  expect(await screen.findByText(/Reading the last 7 days… \d+ %/)).toHaveAttribute(
    'role',
    'status',
  );
  // Nothing of the rest of the week is asked for while the day is being read.
  expect(asked).toEqual(['day', 'day']);
  releaseDay();
  expect(await screen.findByText('Healthy')).toBeVisible();
  expect(await screen.findByText(/of 24… in 7 days/)).toBeVisible();
  releaseWeek();
  expect(await screen.findByText(/of 168 in 7 days/)).toBeVisible();
  expect(asked.filter((a) => a === 'week').length).toBeGreaterThan(0);
});
