// Bridges the stand-in to the Fetch API, so an MSW handler is one line:
// http.all(`${base}/public-api/*`, async ({ request }) => toFetchResponse(await api.handle(request))).
import type { StandinResponse } from './envelope.ts';

export function toFetchResponse(response: StandinResponse): Response {
  return new Response(JSON.stringify(response.body), {
    status: response.status,
    headers: response.headers,
  });
}
