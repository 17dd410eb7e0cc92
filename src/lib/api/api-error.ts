// The one error type of the API layer: every non-2xx, network failure and unreadable body.

export type ApiErrorKind =
  'http' | 'network' | 'invalid-response' | 'invalid-request' | 'sign-in-required';

export type ApiErrorInit = {
  kind: ApiErrorKind;
  status?: number;
  code: string;
  message: string;
  requestId?: string | null;
  retryAfterSeconds?: number | null;
  details?: Record<string, unknown> | null;
};

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** The API's `error.code` (opaque; branch on it, never on the message). */
  readonly code: string;
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;
  readonly details: Record<string, unknown> | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.details = init.details ?? null;
  }

  /** Worth retrying automatically: rate limits, Neo-side failures and lost connections. */
  get isTransient(): boolean {
    return this.kind === 'network' || this.status === 429 || this.status >= 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Parses `Retry-After` (delta-seconds or an HTTP date) into whole seconds, or null. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
