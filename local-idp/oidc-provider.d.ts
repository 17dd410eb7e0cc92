// Minimal types for the parts of oidc-provider 9 the local IdP uses (the package ships no types).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { JWK } from 'jose';

  export type Claims = { sub: string } & Record<string, unknown>;

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Claims | Promise<Claims>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_name?: string;
    application_type?: 'web' | 'native';
    token_endpoint_auth_method?: string;
    grant_types?: string[];
    response_types?: string[];
    redirect_uris?: string[];
    post_logout_redirect_uris?: string[];
  }

  export interface Client {
    clientId: string;
    clientAuthMethod: string;
    redirectUris: string[];
    grantTypeAllowed(type: string): boolean;
  }

  export interface Grant {
    jti: string;
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { clientId: string; accountId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface Session {
    accountId?: string;
    grantIdFor(clientId: string): string | undefined;
  }

  export interface Token {
    kind: string;
    accountId?: string;
    clientId?: string;
    resourceServer?: { accessTokenTTL?: number; audience?: string };
  }

  export interface OIDCContext {
    route: string;
    provider: Provider;
    client?: Client;
    session?: Session;
    params?: Record<string, unknown>;
    /** The parsed request body of POST endpoints, all parameters included. */
    body?: Record<string, unknown>;
    result?: { consent?: { grantId?: string } };
    entities: { Account?: Account; Client?: Client };
  }

  /** The Koa context, as far as these hooks use it. */
  export interface KoaContext {
    path: string;
    method: string;
    status: number;
    body: unknown;
    type: string;
    host: string;
    oidc: OIDCContext;
    get(field: string): string;
    set(field: string, value: string): void;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: { name: string; reasons: string[] };
    params: Record<string, unknown>;
    session?: { accountId: string };
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string } };
  }

  export type ErrorOut = { error: string; error_description?: string } & Record<string, unknown>;

  type CookieOptions = {
    httpOnly?: boolean;
    sameSite?: 'lax' | 'strict' | 'none';
    secure?: boolean;
  };
  type TtlFunction = (ctx: KoaContext, token: Token, client?: Client) => number;

  export interface Configuration {
    adapter?: (model: string) => unknown;
    clients?: ClientMetadata[];
    jwks?: { keys: JWK[] };
    cookies?: { keys?: string[]; long?: CookieOptions; short?: CookieOptions };
    claims?: Record<string, string[]>;
    conformIdTokenClaims?: boolean;
    scopes?: string[];
    findAccount?: (ctx: KoaContext, sub: string, token?: Token) => Promise<Account | undefined>;
    interactions?: { url: (ctx: KoaContext, interaction: { uid: string }) => Promise<string> };
    loadExistingGrant?: (ctx: KoaContext) => Promise<Grant | undefined>;
    clientBasedCORS?: (ctx: KoaContext, origin: string, client: Client) => boolean;
    renderError?: (ctx: KoaContext, out: ErrorOut, error: Error) => Promise<void>;
    extraTokenClaims?: (
      ctx: KoaContext,
      token: Token,
    ) => Promise<Record<string, unknown> | undefined>;
    issueRefreshToken?: (ctx: KoaContext, client: Client, code: unknown) => Promise<boolean>;
    rotateRefreshToken?: boolean | ((ctx: KoaContext) => boolean | Promise<boolean>);
    expiresWithSession?: (ctx: KoaContext, code: unknown) => Promise<boolean>;
    pkce?: { required?: (ctx: KoaContext, client: Client) => boolean };
    ttl?: Record<string, number | TtlFunction>;
    features?: {
      devInteractions?: { enabled: boolean };
      rpInitiatedLogout?: {
        enabled: boolean;
        logoutSource?: (ctx: KoaContext, form: string) => Promise<void>;
        postLogoutSuccessSource?: (ctx: KoaContext) => Promise<void>;
      };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (
          ctx: KoaContext,
          client: Client,
          oneOf?: string[],
        ) => Promise<string | string[] | undefined>;
        useGrantedResource?: (ctx: KoaContext, model: unknown) => Promise<boolean>;
        getResourceServerInfo?: (
          ctx: KoaContext,
          resourceIndicator: string,
          client: Client,
        ) => Promise<ResourceServerInfo>;
      };
    };
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: GrantConstructor;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: { login: { accountId: string } },
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }

  export { Provider };
}

declare module 'oidc-provider/lib/adapters/memory_adapter.js' {
  /** The in-memory store oidc-provider falls back to, without its "MUST change" start-up warning. */
  export function createMemoryAdapter(clockTolerance?: number): (model: string) => unknown;
}
