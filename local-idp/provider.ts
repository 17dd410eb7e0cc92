// oidc-provider configured to behave like Microsoft Entra ID for the dashboard's MSAL (see the MSAL notes).
import Provider, {
  type Account,
  type Configuration,
  type Grant,
  type KoaContext,
  type Token,
} from 'oidc-provider';
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import type { JWK } from 'jose';
import { errorPage, logoutPage, pageCsp, signedOutPage } from './pages.ts';
import {
  API_AUDIENCE,
  API_SCOPE,
  API_SCOPE_NAME,
  DASHBOARD_CLIENT_ID,
  DEMO_TENANT_ID,
  DEMO_USER,
  PORTAL_CLIENT_ID,
} from './settings.ts';

export type ProviderOptions = {
  issuer: string;
  appOrigins: string[];
  accessTokenTtlSeconds: number;
  signingJwk: JWK;
  cookieKeys: string[];
};

const OIDC_SCOPES = 'openid profile email offline_access';
const DAY = 24 * 60 * 60;

export function appRedirectUris(origin: string): string[] {
  return [`${origin}/redirect.html`, `${origin}/`, `${origin}/popup-relay.html`];
}

export function appPostLogoutRedirectUris(origin: string): string[] {
  return [`${origin}/`, `${origin}/redirect.html`];
}

const CLIENTS = [
  { id: DASHBOARD_CLIENT_ID, name: 'Sync Runs dashboard' },
  { id: PORTAL_CLIENT_ID, name: 'Embedding portal' },
];

/** The account's claims, shaped like Entra's: `sub` is the object id, as the API expects. */
function demoAccount(accountId: string): Account | undefined {
  if (accountId !== DEMO_USER.oid) return undefined;
  return {
    accountId,
    claims: () => ({
      sub: DEMO_USER.oid,
      oid: DEMO_USER.oid,
      tid: DEMO_TENANT_ID,
      name: DEMO_USER.name,
      preferred_username: DEMO_USER.username,
      email: DEMO_USER.username,
    }),
  };
}

/** Checks the demo credentials; the email compares case-insensitively, as Entra's sign-in does. */
export function verifyCredentials(username: string, password: string): string | undefined {
  const matches =
    username.trim().toLowerCase() === DEMO_USER.username.toLowerCase() &&
    password === DEMO_USER.password;
  return matches ? DEMO_USER.oid : undefined;
}

/** First-party apps are pre-consented in Entra; this grants what MSAL asks for without a prompt. */
async function autoConsentGrant(ctx: KoaContext): Promise<Grant | undefined> {
  const { client, session, provider } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  if (grantId) {
    const existing = await provider.Grant.find(grantId);
    if (existing) return existing;
  }
  const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope(OIDC_SCOPES);
  grant.addResourceScope(API_AUDIENCE, API_SCOPE);
  await grant.save();
  return grant;
}

/** Entra's access token claims (scp, tid, oid, azp, ver and the profile) on the API's tokens. */
async function accessTokenClaims(token: Token) {
  if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
  const claims = await demoAccount(token.accountId)?.claims('access_token', '');
  return {
    scp: API_SCOPE_NAME,
    tid: DEMO_TENANT_ID,
    oid: token.accountId,
    azp: token.clientId,
    ver: '2.0',
    name: claims?.name,
    preferred_username: claims?.preferred_username,
  };
}

/** Lifetimes as Entra sets them for a single-page app. */
function tokenLifetimes(accessTokenTtlSeconds: number): Configuration['ttl'] {
  return {
    AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? accessTokenTtlSeconds,
    AuthorizationCode: 60,
    IdToken: 3600,
    // Entra limits refresh tokens of single-page apps to 24 hours.
    RefreshToken: DAY,
    Interaction: 60 * 60,
    Session: DAY,
    Grant: 14 * DAY,
  };
}

/** Sign-out pages of our own, and the API's audience derived from the scope as Entra does. */
function providerFeatures(
  appOrigins: string[],
  accessTokenTtlSeconds: number,
): Configuration['features'] {
  return {
    // Its login page imports Google Fonts; ours is at /login/<uid>.
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        const { html, scripts } = logoutPage(form);
        ctx.set('Content-Security-Policy', pageCsp(appOrigins, scripts));
        ctx.set('X-Frame-Options', 'DENY');
        ctx.body = html;
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.set('Content-Security-Policy', pageCsp(appOrigins));
        ctx.set('X-Frame-Options', 'DENY');
        ctx.body = signedOutPage();
      },
    },
    resourceIndicators: {
      enabled: true,
      // MSAL never sends `resource`; Entra derives the audience from the scope, so do the same.
      defaultResource: async (ctx, _client, oneOf) => {
        if (oneOf) return oneOf;
        const scope = ctx.oidc.params?.scope;
        return typeof scope === 'string' && scope.split(' ').includes(API_SCOPE)
          ? API_AUDIENCE
          : undefined;
      },
      useGrantedResource: async () => true,
      getResourceServerInfo: async () => ({
        scope: API_SCOPE,
        audience: API_AUDIENCE,
        accessTokenTTL: accessTokenTtlSeconds,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  };
}

export function createProvider(options: ProviderOptions): Provider {
  const { issuer, appOrigins, accessTokenTtlSeconds } = options;
  const provider = new Provider(issuer, {
    // Sessions and refresh tokens in memory on purpose: a restart signs everyone out, which is
    // fine for development. (The default adapter is the same store, plus a production warning.)
    adapter: createMemoryAdapter(),
    clients: CLIENTS.map(({ id, name }) => ({
      client_id: id,
      client_name: name,
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: appOrigins.flatMap(appRedirectUris),
      post_logout_redirect_uris: appOrigins.flatMap(appPostLogoutRedirectUris),
    })),
    jwks: { keys: [options.signingJwk] },
    // Like Entra's cookies: needed cross-site (hidden-iframe ssoSilent from an http://localhost app).
    cookies: {
      keys: options.cookieKeys,
      long: { httpOnly: true, sameSite: 'none', secure: true },
      short: { httpOnly: true, sameSite: 'none', secure: true },
    },
    claims: {
      openid: ['sub', 'oid', 'tid'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
    },
    // Entra puts the profile claims in the id_token, and MSAL reads the account from it.
    conformIdTokenClaims: false,
    scopes: OIDC_SCOPES.split(' '),
    findAccount: async (_ctx, sub) => demoAccount(sub),
    interactions: { url: async (_ctx, interaction) => `/login/${interaction.uid}` },
    loadExistingGrant: autoConsentGrant,
    // Public clients may call the token endpoint from their redirect URIs' origins only.
    clientBasedCORS: (_ctx, origin, client) =>
      client.clientAuthMethod === 'none' &&
      client.redirectUris.some((uri) => new URL(uri).origin === origin),
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', pageCsp(appOrigins));
      ctx.set('X-Frame-Options', 'DENY');
      ctx.body = errorPage(
        'Sign-in error',
        'The identity provider could not complete this request. Go back to the dashboard and try again.',
        [out.error, out.error_description].filter(Boolean).join(': '),
      );
    },
    extraTokenClaims: async (_ctx, token) => accessTokenClaims(token),
    // MSAL never sends prompt=consent, so oidc-provider drops offline_access; issue refresh tokens anyway.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // oidc-provider revokes the whole grant when a rotated refresh token is used twice (two tabs,
    // React strict mode); Entra does not, so keep one refresh token for its lifetime.
    rotateRefreshToken: false,
    expiresWithSession: async () => false,
    pkce: { required: () => true },
    ttl: tokenLifetimes(accessTokenTtlSeconds),
    features: providerFeatures(appOrigins, accessTokenTtlSeconds),
  });

  provider.use(addClientInfo);
  provider.on('server_error', (_ctx, error) => console.error('local IdP server error:', error));
  return provider;
}

/**
 * Entra answers MSAL's `client_info=1` with base64url {"uid":oid,"utid":tid}, from which MSAL
 * builds homeAccountId `<oid>.<tid>`; without it MSAL falls back to `sub`.
 */
async function addClientInfo(ctx: KoaContext, next: () => Promise<void>): Promise<void> {
  await next();
  if (ctx.path !== '/token' || ctx.status !== 200) return;
  const accountId = ctx.oidc.entities.Account?.accountId;
  const body = ctx.body;
  if (!accountId || ctx.oidc.body?.client_info !== '1' || typeof body !== 'object' || !body) return;
  const clientInfo = { uid: accountId, utid: DEMO_TENANT_ID };
  ctx.body = {
    ...body,
    client_info: Buffer.from(JSON.stringify(clientInfo)).toString('base64url'),
  };
}
