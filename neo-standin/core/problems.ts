// The endpoint's error answers (codes are stable; messages say what to do), apart from the
// parameter problems in params.ts.
import type { AuthFailure } from './authenticators.ts';
import type { ApiProblem } from './envelope.ts';
import type { IntegrationAvailability } from './demo-tenant.ts';
import { describeIntegration } from '../../src/lib/integrations/catalog.ts';

export function notFound(path: string): ApiProblem {
  return {
    status: 404,
    code: 'not_found',
    message: `No such endpoint: ${path}. This stand-in serves GET /public-api/integrations/{name}/sync-runs.`,
  };
}

export function rateLimited(limit: number, windowS: number, retryAfterS: number): ApiProblem {
  return {
    status: 429,
    code: 'rate_limited',
    message: `Too many requests: the limit is ${limit} per ${windowS} s for this tenant. Retry after ${retryAfterS} s.`,
    details: { limit, retry_after_seconds: retryAfterS },
    headers: { 'Retry-After': String(retryAfterS) },
  };
}

/** RFC 6750: no error code in the challenge when no (Bearer) credentials were sent at all. */
export function unauthorized(auth: AuthFailure): ApiProblem {
  const sentBearer = auth.code !== 'missing_credentials' && auth.code !== 'malformed_credentials';
  return {
    status: 401,
    code: auth.code,
    message: auth.message,
    details: auth.details,
    headers: {
      'WWW-Authenticate': `Bearer realm="neo-public-api"${sentBearer ? ', error="invalid_token"' : ''}`,
    },
  };
}

export function methodNotAllowed(method: string): ApiProblem {
  return {
    status: 405,
    code: 'method_not_allowed',
    message: `${method} is not allowed here; use GET.`,
    headers: { Allow: 'GET' },
  };
}

export function internalError(): ApiProblem {
  return {
    status: 500,
    code: 'internal_error',
    message:
      'Something went wrong on our side. Retry with backoff; if it persists, quote the request id to Neo support.',
  };
}

/** The three documented 404s of this endpoint. */
export function integrationProblem(
  name: string,
  availability: Exclude<IntegrationAvailability, 'syncing'>,
): ApiProblem {
  if (availability === 'unknown')
    return {
      status: 404,
      code: 'unknown_integration',
      message: `There is no integration called "${name}".`,
      details: { name },
    };
  const label = describeIntegration({ name }).displayName;
  return availability === 'not_connected'
    ? {
        status: 404,
        code: 'integration_not_connected',
        message: `${label} is not connected for this tenant.`,
        details: { name },
      }
    : {
        status: 404,
        code: 'integration_does_not_sync',
        message: `${label} is connected but does not run scheduled syncs.`,
        details: { name },
      };
}
