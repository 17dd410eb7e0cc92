// The authentication seam: the endpoint only sees `authenticate(header)`. The Node server plugs in
// API keys + JWT verification (../auth.ts); unit tests under MSW use the simple ones here.
import { DEMO_TENANT_ID } from '../../local-idp/settings.ts';

export type AuthFailure = {
  ok: false;
  code: string;
  message: string;
  details?: Record<string, unknown>;
};
export type AuthResult = { ok: true; tenantId: string } | AuthFailure;
export type Authenticate = (authorization: string | null) => Promise<AuthResult>;

export type BearerResult = { ok: true; token: string } | AuthFailure;

/** `Bearer <token>` (scheme case-insensitive, as RFC 9110 says); anything else is refused. */
export function parseBearer(header: string | null): BearerResult {
  if (header === null || header.trim() === '')
    return {
      ok: false,
      code: 'missing_credentials',
      message:
        'Send `Authorization: Bearer <token>` with a Neo API key or a Microsoft Entra ID access token.',
    };
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match?.[1])
    return {
      ok: false,
      code: 'malformed_credentials',
      message: 'The Authorization header must be `Bearer <token>`.',
    };
  return { ok: true, token: match[1] };
}

/** Accepts exactly the listed `neo_sk_…` keys (for MSW tests and scripts). */
export function apiKeyAuthenticator(
  keys: readonly string[],
  tenantId: string = DEMO_TENANT_ID,
): Authenticate {
  const allowed = new Set(keys);
  return async (header) => {
    const bearer = parseBearer(header);
    if (!bearer.ok) return bearer;
    if (allowed.has(bearer.token)) return { ok: true, tenantId };
    return {
      ok: false,
      code: 'invalid_token',
      message: 'The bearer token is not a valid API key.',
    };
  };
}

/** Accepts any well-formed bearer: for unit tests whose app code holds a fake access token. */
export function anyBearerAuthenticator(tenantId: string = DEMO_TENANT_ID): Authenticate {
  return async (header) => {
    const bearer = parseBearer(header);
    return bearer.ok ? { ok: true, tenantId } : bearer;
  };
}
