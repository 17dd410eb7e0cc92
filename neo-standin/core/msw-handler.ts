// The stand-in as one MSW handler, so unit tests (jsdom) get exactly what the real server sends.
import { http } from 'msw';
import { toFetchResponse } from './fetch-adapter.ts';
import type { StandinApi } from './sync-runs-endpoint.ts';

/** Handles every request under `${baseUrl}/public-api/`, including 404s for unknown paths. */
export function standinHandler(api: StandinApi, baseUrl: string) {
  return http.all(`${baseUrl.replace(/\/+$/, '')}/public-api/*`, async ({ request }) =>
    toFetchResponse(await api.handle(request)),
  );
}
