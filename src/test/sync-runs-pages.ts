// Sync-run pages served through MSW for the integration page's component tests: runs relative to
// now, envelopes with a cursor, and a handler that serves pages by cursor and records them.
import { http, HttpResponse } from 'msw';
import { server } from './msw-server';
import { TEST_API } from './render';

export const PATH = `${TEST_API}/public-api/integrations/halopsa/sync-runs`;
export const REQUEST_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const integration = { name: 'halopsa', displayName: 'HaloPSA', kind: 'PSA' };

export function run(
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

export function page(data: unknown[], next: string | null, hasMore = next !== null) {
  return {
    data,
    meta: {
      request_id: REQUEST_ID,
      timings_ms: { total: 3 },
      pagination: { has_more: hasMore, next_cursor: next },
    },
  };
}

/** Neo's error envelope, answered with `status`. */
export function apiError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) {
  return HttpResponse.json(
    { error: { code, message }, meta: { request_id: REQUEST_ID } },
    { status, headers },
  );
}

/**
 * Serves pages keyed by cursor ('' for the first), or what `pages` answers for a cursor (a page, or
 * a Response as it is), recording the cursors asked for; a cursor without a page is refused.
 */
export function servePages(
  pages: Record<string, unknown> | ((cursor: string) => unknown),
  seen: string[] = [],
) {
  let baseSince: string | null = null;
  server.use(
    http.get(PATH, ({ request }) => {
      const url = new URL(request.url);
      const cursor = url.searchParams.get('cursor') ?? '';
      // Only the window listing is recorded; live refreshes ask for a later `since`.
      baseSince ??= url.searchParams.get('since');
      if (url.searchParams.get('since') === baseSince) seen.push(cursor);
      const body = typeof pages === 'function' ? pages(cursor) : pages[cursor];
      if (body instanceof Response) return body;
      return body ? HttpResponse.json(body) : apiError(400, 'invalid_cursor', 'bad cursor');
    }),
  );
  return seen;
}
