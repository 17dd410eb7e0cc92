// Bearer authentication for the Node server: a listed service-account API key, or an Entra-shaped
// access token from the local identity provider, verified with jose against keys discovered from
// the issuer. Everything else is a 401. Discovery is lazy and retried after a failure, because
// the IdP may start after the stand-in or be restarted with new keys.
import { timingSafeEqual } from 'node:crypto';
import {
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { API_SCOPE_NAME, DEMO_TENANT_ID } from '../local-idp/settings.ts';
import { parseBearer, type Authenticate, type AuthResult } from './core/authenticators.ts';
import { createCaFetch, type CaFetch } from './ca-fetch.ts';

export type AuthOptions = {
  apiKeys: readonly string[];
  issuer: string;
  audience: string;
  caFile: string;
  allowedClientIds: readonly string[];
  /** The scope name the token's `scp` must contain. */
  requiredScope?: string;
  /** Tenant of API keys, and of tokens without a `tid`. */
  tenantId?: string;
  /** Replaces the CA-pinned fetch (tests). */
  fetch?: CaFetch;
};

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

function invalidToken(message: string, reason: string): AuthResult {
  return { ok: false, code: 'invalid_token', message, details: { reason } };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Turns jose's errors into a message a developer can act on. */
function describe(error: unknown, audience: string): AuthResult {
  if (error instanceof errors.JWTExpired)
    return invalidToken('The access token has expired.', 'expired');
  if (error instanceof errors.JWTClaimValidationFailed)
    return invalidToken(
      error.claim === 'aud'
        ? `The access token is for another audience; this API accepts ${audience}.`
        : `The access token's "${error.claim}" claim is not acceptable (${error.reason}).`,
      `claim_${error.claim}`,
    );
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return invalidToken('The access token must be signed with RS256.', 'algorithm');
  if (error instanceof errors.JWKSNoMatchingKey)
    return invalidToken(
      'The access token is signed by a key the issuer does not publish.',
      'unknown_key',
    );
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return invalidToken('The access token signature does not verify.', 'signature');
  if (error instanceof errors.JOSEError)
    return invalidToken(`The access token is not valid (${error.code}).`, 'malformed');
  const detail = error instanceof Error ? error.message : String(error);
  return invalidToken(
    `The access token could not be verified: the issuer's signing keys are unavailable (${detail}).`,
    'keys_unavailable',
  );
}

export function createAuthenticator(options: AuthOptions): Authenticate {
  const issuer = options.issuer.replace(/\/+$/, '');
  const fetchWithCa = options.fetch ?? createCaFetch(options.caFile);
  const requiredScope = options.requiredScope ?? API_SCOPE_NAME;
  const tenantId = options.tenantId ?? DEMO_TENANT_ID;
  let keys: Promise<JWTVerifyGetKey> | null = null;

  async function discover(): Promise<JWTVerifyGetKey> {
    const response = await fetchWithCa(`${issuer}/.well-known/openid-configuration`);
    if (!response.ok) throw new Error(`discovery answered HTTP ${response.status}`);
    const meta = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (meta.issuer !== issuer) throw new Error(`discovery names issuer ${String(meta.issuer)}`);
    if (typeof meta.jwks_uri !== 'string' || !meta.jwks_uri.startsWith('https://'))
      throw new Error('discovery has no https jwks_uri');
    return createRemoteJWKSet(new URL(meta.jwks_uri), {
      [customFetch]: (url, init) => fetchWithCa(url, { signal: init.signal }),
    });
  }

  function signingKeys(): Promise<JWTVerifyGetKey> {
    keys ??= discover().catch((error: unknown) => {
      keys = null; // try again on the next request
      throw error;
    });
    return keys;
  }

  async function verifyJwt(token: string): Promise<AuthResult> {
    try {
      if (decodeProtectedHeader(token).alg !== 'RS256')
        return invalidToken('The access token must be signed with RS256.', 'algorithm');
    } catch {
      return invalidToken('The bearer token is not a readable JWT.', 'malformed');
    }
    let payload: JWTPayload;
    try {
      const getKey = await signingKeys();
      ({ payload } = await jwtVerify(token, getKey, {
        issuer,
        audience: options.audience,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: 30,
      }));
    } catch (error) {
      // Keys that could not be fetched (not a bad token): rediscover next time.
      if (!(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout) keys = null;
      return describe(error, options.audience);
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(requiredScope))
      return invalidToken(`The access token lacks the "${requiredScope}" scope.`, 'scope');
    if (typeof payload.azp !== 'string' || !options.allowedClientIds.includes(payload.azp))
      return invalidToken(
        'The access token was issued to an application this API does not accept.',
        'client',
      );
    return { ok: true, tenantId: typeof payload.tid === 'string' ? payload.tid : tenantId };
  }

  return async (header) => {
    const bearer = parseBearer(header);
    if (!bearer.ok) return bearer;
    const token = bearer.token;
    if (token.startsWith('neo_sk_'))
      return options.apiKeys.some((key) => sameSecret(key, token))
        ? { ok: true, tenantId }
        : {
            ok: false,
            code: 'invalid_api_key',
            message: 'The API key is not valid (mistyped or revoked).',
          };
    if (JWT_SHAPE.test(token)) return verifyJwt(token);
    return invalidToken(
      'The bearer token is neither a Neo API key (neo_sk_…) nor a JWT.',
      'malformed',
    );
  };
}
