// @vitest-environment jsdom
// Everything the contract allows must render: responses generated from the OpenAPI schema itself
// (nulls, extremes, 10,000-character and right-to-left strings, unknown fields, duplicate ids,
// hundreds of failures) load without a console error, without a run rejected, without a run lost.
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '@/test/msw-server';
import { TEST_API, renderWithApp } from '@/test/render';
import contractText from '../../../../../contract/neo-public-api.sync-runs.openapi.yaml?raw';
import {
  generate,
  parseContract,
  seededRng,
  syncRunsResponseSchema,
} from '@/test/contract/schema-instances';
import { IntegrationPage } from './integration-page';

const PATH = `${TEST_API}/public-api/integrations/halopsa/sync-runs`;
const integration = { name: 'halopsa', displayName: 'HaloPSA', kind: 'PSA' };
const contract = parseContract(contractText);
const responseSchema = syncRunsResponseSchema(contract);
const PAGES = 3;

type Body = {
  data: { run_id: string }[];
  meta: { pagination?: { has_more: boolean; next_cursor: string | null } };
};

/** Three generated pages chained by cursors; the last one ends the walk. */
function generatedPages(seed: number): Body[] {
  const rng = seededRng(seed);
  return Array.from({ length: PAGES }, (_, i) => {
    const body = generate(responseSchema, contract, { rng }) as Body;
    const last = i === PAGES - 1;
    body.meta.pagination = {
      has_more: !last,
      // An odd but valid end: has_more false may still come with a cursor.
      next_cursor: last ? (rng() < 0.5 ? null : 'ignored') : `c${i + 1}`,
    };
    return body;
  });
}

function serve(pages: Body[]) {
  server.use(
    http.get(PATH, ({ request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      const index = cursor ? Number(cursor.slice(1)) : 0;
      return HttpResponse.json(pages[index]);
    }),
  );
}

// One day: a single slice, so every page is asked for exactly once.
const until = Date.UTC(2026, 10, 28, 12);
const route = `/integrations/halopsa?since=${new Date(until - 86_400_000).toISOString()}&until=${new Date(until).toISOString()}`;

let consoleErrors: unknown[][];
beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => consoleErrors.push(args));
});
afterEach(() => vi.restoreAllMocks());

describe('responses generated from the OpenAPI schema', () => {
  it.each([1, 2, 3, 4, 5, 6])(
    'seed %i renders every run without a console error',
    { timeout: 20_000 },
    async (seed) => {
      const pages = generatedPages(seed);
      serve(pages);
      renderWithApp(<IntegrationPage integration={integration} />, { route });
      const unique = new Set(pages.flatMap((p) => p.data.map((r) => r.run_id))).size;
      const loaded = await screen
        .findByText(/runs loaded\./, undefined, { timeout: 10_000 })
        .catch((error: Error) => {
          throw new Error(
            `${error.message}\nconsole.error: ${JSON.stringify(consoleErrors).slice(0, 2000)}`,
          );
        });
      // Valid data is never rejected as unreadable, and only duplicates of a run_id are merged.
      expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
      expect(loaded).toHaveTextContent(`${unique} runs loaded.`);
      expect(consoleErrors).toEqual([]);
    },
  );
});

describe('odd but valid responses written by hand', () => {
  const long = `Permission denied ${'for board 444, '.repeat(700)}`.slice(0, 9_999) + '!';
  const oddRun = {
    run_id: 'odd-run',
    temporal_run_id: null,
    temporal_workflow_id: null,
    status: 'FAILURE',
    started_at: '2026-11-28T09:00:00.5+05:30',
    finished_at: null,
    error: long,
    dashboard_message: null,
    surprise: { nested: true },
    activities: [
      {
        activity_label: 'مزامنة 👩‍💻',
        synced_count: -3,
        total_count: 0,
        failures: Array.from({ length: 300 }, (_, i) => ({
          resource_label: `שגיאה ${i}`,
          parent_label: null,
          reason: 'permission_denied',
          error_message: i === 0 ? long : 'e\u0301 denied',
          extra: [1, 2],
        })),
      },
      { activity_label: 'Contacts', synced_count: 500, total_count: 20, failures: [] },
    ],
  };
  const bare = {
    run_id: 'bare-run',
    temporal_run_id: null,
    temporal_workflow_id: null,
    status: 'RUNNING',
    started_at: null,
    finished_at: null,
    error: null,
    dashboard_message: null,
    activities: [],
  };
  const meta = (next: string | null) => ({
    request_id: '3f0e9d8c-7b6a-4594-8382-716f5e4d3c2b',
    timings_ms: {},
    pagination: { has_more: next !== null, next_cursor: next },
    unknown_meta: 'x',
  });

  // 300 failure rows are slow to build in jsdom (about 5 s here): a generous budget, not a timing test.
  it(
    'renders nulls, negative and impossible counts, 300 failures and 10,000-character text',
    { timeout: 40_000 },
    async () => {
      serve([
        // Out of order (oldest first), and the same run_id again on the next page.
        { data: [bare, oddRun], meta: meta('c1') },
        { data: [{ ...bare, status: 'SKIPPED' }], meta: meta(null) },
      ] as unknown as Body[]);
      renderWithApp(<IntegrationPage integration={integration} />, {
        route: `${route}&run=odd-run`,
      });
      expect(
        await screen.findByText(/runs loaded\./, undefined, { timeout: 30_000 }),
      ).toHaveTextContent('2 runs loaded.');
      const failures = await screen.findByRole(
        'button',
        { name: '300 failures' },
        { timeout: 10_000 },
      );
      expect(failures).toHaveAttribute('aria-expanded', 'true');
      expect(screen.getAllByText('e\u0301 denied')).toHaveLength(299);
      expect(screen.getAllByText(long).length).toBeGreaterThan(0);
      expect(screen.getAllByText('مزامنة 👩‍💻').length).toBeGreaterThan(0);
      expect(consoleErrors).toEqual([]);
    },
  );
});
