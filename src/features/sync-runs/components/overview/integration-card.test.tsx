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

it('says how much of the week it has read until the health is known', async () => {
  const now = Date.now();
  // Hourly runs: the first page reaches back 84 of the 168 hours; the second waits for the test.
  const first = Array.from({ length: 85 }, (_, h) => h).map((h) =>
    makeRun({
      run_id: `r${h}`,
      started_at: new Date(now - h * HOUR).toISOString(),
      finished_at: new Date(now - h * HOUR + 60_000).toISOString(),
    }),
  );
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.get(`${TEST_API}/public-api/integrations/halopsa/sync-runs`, async ({ request }) => {
      if (!new URL(request.url).searchParams.get('cursor'))
        return HttpResponse.json({ data: first, meta: meta('c2') });
      await held;
      return HttpResponse.json({ data: [], meta: meta(null) });
    }),
  );
  renderWithApp(
    <IntegrationCard
      integration={{ name: 'halopsa', displayName: 'HaloPSA', kind: 'PSA' }}
      opened={{ window: windowEndingAt(now, 7 * 24 * HOUR), openedAt: now }}
    />,
  );
  expect(await screen.findByText(/Reading the last 7 days… (49|50) %/)).toHaveAttribute(
    'role',
    'status',
  );
  release();
  expect(await screen.findByText('Healthy')).toBeVisible();
  expect(screen.queryByText(/Reading the last/)).toBeNull();
});
