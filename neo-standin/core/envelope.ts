// Response envelopes: `{data, meta}` on success, `{error, meta: {request_id}}` on failure, and the
// headers every response carries (X-Request-Id equal to meta.request_id, JSON, never cached).
export type StandinResponse = { status: number; headers: Record<string, string>; body: unknown };

export type Pagination = { has_more: boolean; next_cursor: string | null };

/** An error answer before it gets a request id: status, the `error` object and extra headers. */
export type ApiProblem = {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
};

/** UUID v4 from the platform (Node, browsers and jsdom all have crypto.randomUUID). */
export function newRequestId(): string {
  return crypto.randomUUID();
}

function baseHeaders(requestId: string, extra: Record<string, string>): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    'X-Request-Id': requestId,
    ...extra,
  };
}

export function successResponse(
  requestId: string,
  data: unknown,
  meta: { timings_ms: Record<string, number>; pagination: Pagination },
  headers: Record<string, string> = {},
): StandinResponse {
  return {
    status: 200,
    headers: baseHeaders(requestId, headers),
    body: { data, meta: { request_id: requestId, ...meta } },
  };
}

export function errorResponse(
  requestId: string,
  status: number,
  error: { code: string; message: string; details?: Record<string, unknown> },
  headers: Record<string, string> = {},
): StandinResponse {
  const { code, message, details } = error;
  return {
    status,
    headers: baseHeaders(requestId, headers),
    body: {
      error: details === undefined ? { code, message } : { code, message, details },
      meta: { request_id: requestId },
    },
  };
}

export function problemResponse(
  requestId: string,
  problem: ApiProblem,
  headers: Record<string, string> = {},
): StandinResponse {
  const { status, code, message, details } = problem;
  return errorResponse(
    requestId,
    status,
    { code, message, details },
    { ...headers, ...problem.headers },
  );
}
