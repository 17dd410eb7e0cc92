// Production server settings: every environment variable is read and validated here, once.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in `<root>/prod-server/`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULTS = {
  port: 8080,
  host: '0.0.0.0',
  distDir: 'dist',
  basePath: '/',
  apiBaseUrl: 'https://api.neoagent.io',
  upstreamApi: 'https://api.neoagent.io',
  proxyTimeoutMs: 30_000,
} as const;

export type IntegrationEntry = string | { name: string; displayName?: string; kind?: string };

/** The browser-facing config.json, minus `apiBaseUrl` (which may depend on the request). */
export type AppConfigFields = {
  auth: { clientId: string; authority: string; knownAuthorities: string[]; scopes: string[] };
  integrations: IntegrationEntry[];
  embed: { allowedParentOrigins: string[] };
  /** Where the app POSTs client-side errors (also allowed in connect-src); off when absent. */
  errorReporting?: { endpoint: string };
  /** Temporal Web UI base: Temporal ids in the app link there. */
  temporalUiUrl?: string;
};

export type ServerConfig = {
  port: number;
  host: string;
  /** Absolute path of the built app. */
  distDir: string;
  /** Starts and ends with `/`. */
  basePath: string;
  /** config.json's apiBaseUrl; `null` means "this server's own origin + base path" (proxy mode). */
  apiBaseUrl: string | null;
  proxy: { enabled: boolean; upstream: string; timeoutMs: number };
  app: AppConfigFields;
  /** Set when SYNC_RUNS_CONFIG_FILE is used: the file is served byte for byte. */
  configFile: { path: string; body: string } | null;
  /** Non-fatal observations to print at start-up. */
  warnings: string[];
};

export class ServerConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid prod-server configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ServerConfigError';
    this.problems = problems;
  }
}

const ENV_APP_FIELDS = [
  'SYNC_RUNS_API_BASE_URL',
  'SYNC_RUNS_CLIENT_ID',
  'SYNC_RUNS_AUTHORITY',
  'SYNC_RUNS_KNOWN_AUTHORITIES',
  'SYNC_RUNS_SCOPES',
  'SYNC_RUNS_INTEGRATIONS',
  'SYNC_RUNS_EMBED_ORIGINS',
  'SYNC_RUNS_ERROR_ENDPOINT',
  'SYNC_RUNS_TEMPORAL_UI_URL',
] as const;

/** Optional URLs of config.json: https (http only for localhost), checked like apiBaseUrl. */
function optionalUrls(
  values: { errorEndpoint: unknown; temporalUiUrl: unknown },
  names: { errorEndpoint: string; temporalUiUrl: string },
  problems: string[],
): Pick<AppConfigFields, 'errorReporting' | 'temporalUiUrl'> {
  const out: Pick<AppConfigFields, 'errorReporting' | 'temporalUiUrl'> = {};
  for (const key of ['errorEndpoint', 'temporalUiUrl'] as const) {
    const value = values[key];
    if (value === undefined || value === '') continue;
    const problem = typeof value === 'string' ? apiUrlProblem(value) : 'must be a string';
    if (problem) {
      problems.push(`${names[key]}: ${problem}`);
      continue;
    }
    if (key === 'errorEndpoint') out.errorReporting = { endpoint: value as string };
    else out.temporalUiUrl = value as string;
  }
  return out;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const DNS_NAME =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
/** host[:port] with a DNS name, IPv4 or bracketed IPv6 address; never a wildcard. */
function isHostPort(value: string): boolean {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value);
  if (!match) return false;
  const [, host = '', port] = match;
  if (port !== undefined && Number(port) > 65535) return false;
  return host.startsWith('[') || DNS_NAME.test(host);
}
const INTEGRATION_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function list(value: string | undefined): string[] {
  const items = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return [...new Set(items)];
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** The browser's rule for apiBaseUrl: https://, or http:// only for localhost. */
function apiUrlProblem(value: string): string | null {
  const url = parseUrl(value);
  if (!url) return `is not a URL: "${value}"`;
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null;
  return `must be an https:// URL (http:// only for localhost): "${value}"`;
}

function authorityProblem(value: string): string | null {
  const url = parseUrl(value);
  if (!url || url.protocol !== 'https:') return `must be an https:// URL: "${value}"`;
  return null;
}

/** An exact origin such as https://portal.example.com: no path, no wildcard, no trailing slash. */
function originProblem(value: string): string | null {
  const url = parseUrl(value);
  // WHATWG URL accepts `*` in a host name; CSP would read it as a wildcard.
  if (!url || url.origin !== value || !isHostPort(url.host)) {
    return `"${value}" is not an exact origin like https://portal.example.com (no path, no wildcard, no trailing slash)`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null;
  return `"${value}" must be https:// (http:// only for localhost)`;
}

function validateAppFields(fields: AppConfigFields, name: (field: string) => string): string[] {
  const problems: string[] = [];
  const { auth, integrations, embed } = fields;
  if (!auth.clientId) problems.push(`${name('auth.clientId')}: is required`);
  if (!auth.authority) problems.push(`${name('auth.authority')}: is required`);
  else {
    const problem = authorityProblem(auth.authority);
    if (problem) problems.push(`${name('auth.authority')}: ${problem}`);
  }
  for (const host of auth.knownAuthorities) {
    if (!isHostPort(host)) {
      problems.push(`${name('auth.knownAuthorities')}: "${host}" is not a host name (host[:port])`);
    }
  }
  if (auth.scopes.length === 0)
    problems.push(`${name('auth.scopes')}: needs at least the API scope`);
  if (integrations.length === 0) {
    problems.push(`${name('integrations')}: list at least one integration name`);
  }
  for (const entry of integrations) {
    const integration = typeof entry === 'string' ? entry : entry.name;
    if (!INTEGRATION_NAME.test(integration)) {
      problems.push(`${name('integrations')}: "${integration}" is not an integration name`);
    }
  }
  for (const origin of embed.allowedParentOrigins) {
    const problem = originProblem(origin);
    if (problem) problems.push(`${name('embed.allowedParentOrigins')}: ${problem}`);
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

/** Reads SYNC_RUNS_CONFIG_FILE and checks what the server depends on (the browser checks the rest). */
function readConfigFile(path: string, problems: string[]): { path: string; body: string } {
  const VAR = 'SYNC_RUNS_CONFIG_FILE';
  let body: string;
  try {
    body = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(
      `${VAR}: cannot read "${path}" (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
    return { path, body: '' };
  }
  try {
    JSON.parse(body);
  } catch (error) {
    problems.push(`${VAR}: "${path}" is not valid JSON (${(error as Error).message})`);
  }
  return { path, body };
}

function appFieldsFromFile(
  body: string,
  problems: string[],
): { apiBaseUrl: string; app: AppConfigFields } | null {
  const at = (field: string) => `SYNC_RUNS_CONFIG_FILE ${field}`;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return null; // already reported
  }
  if (!isRecord(raw)) {
    problems.push(`${at('(root)')}: must be a JSON object`);
    return null;
  }
  const auth = isRecord(raw.auth) ? raw.auth : {};
  const embed = isRecord(raw.embed) ? raw.embed : {};
  const apiBaseUrl = typeof raw.apiBaseUrl === 'string' ? raw.apiBaseUrl : '';
  const apiProblem = apiBaseUrl ? apiUrlProblem(apiBaseUrl) : 'is required';
  if (apiProblem) problems.push(`${at('apiBaseUrl')}: ${apiProblem}`);
  const knownAuthorities =
    auth.knownAuthorities === undefined ? [] : stringArray(auth.knownAuthorities);
  const scopes = stringArray(auth.scopes);
  const origins =
    embed.allowedParentOrigins === undefined ? [] : stringArray(embed.allowedParentOrigins);
  const integrations = Array.isArray(raw.integrations) ? raw.integrations : null;
  if (!knownAuthorities) problems.push(`${at('auth.knownAuthorities')}: must be a list of strings`);
  if (!scopes) problems.push(`${at('auth.scopes')}: must be a list of strings`);
  if (!origins) problems.push(`${at('embed.allowedParentOrigins')}: must be a list of strings`);
  if (!integrations) problems.push(`${at('integrations')}: must be a list`);
  const entries: IntegrationEntry[] = (integrations ?? []).map((entry: unknown) => {
    if (typeof entry === 'string') return entry;
    if (isRecord(entry) && typeof entry.name === 'string') return entry as IntegrationEntry;
    return '';
  });
  const app: AppConfigFields = {
    auth: {
      clientId: typeof auth.clientId === 'string' ? auth.clientId : '',
      authority: typeof auth.authority === 'string' ? auth.authority : '',
      knownAuthorities: knownAuthorities ?? [],
      scopes: scopes ?? [],
    },
    integrations: entries,
    embed: { allowedParentOrigins: origins ?? [] },
    ...optionalUrls(
      {
        errorEndpoint: isRecord(raw.errorReporting) ? raw.errorReporting.endpoint : undefined,
        temporalUiUrl: raw.temporalUiUrl,
      },
      { errorEndpoint: at('errorReporting.endpoint'), temporalUiUrl: at('temporalUiUrl') },
      problems,
    ),
  };
  problems.push(...validateAppFields(app, at));
  return { apiBaseUrl, app };
}

function normaliseBasePath(value: string, problems: string[]): string {
  let base = value.trim() || '/';
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  const segments = base.split('/').slice(1, -1);
  const bad =
    !/^[A-Za-z0-9._~/-]+$/.test(base) ||
    base.includes('//') ||
    segments.some((s) => s === '.' || s === '..');
  if (bad) problems.push(`BASE_PATH: "${value}" must be a plain path such as / or /sync-runs/`);
  return base;
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${name}: must be a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

/**
 * Reads the server's configuration from environment variables.
 * Throws a ServerConfigError that names every offending variable.
 */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const problems: string[] = [];
  const warnings: string[] = [];
  const port = integer(env, 'PORT', DEFAULTS.port, 0, 65535, problems);
  const host = env.HOST?.trim() || DEFAULTS.host;
  const distDir = env.DIST_DIR?.trim()
    ? resolve(env.DIST_DIR.trim())
    : resolve(REPO_ROOT, DEFAULTS.distDir);
  const basePath = normaliseBasePath(env.BASE_PATH ?? DEFAULTS.basePath, problems);

  const proxyFlag = env.SYNC_RUNS_PROXY_API?.trim() || '0';
  if (proxyFlag !== '0' && proxyFlag !== '1') {
    problems.push(`SYNC_RUNS_PROXY_API: must be 0 or 1, got "${proxyFlag}"`);
  }
  const proxyEnabled = proxyFlag === '1';
  const upstream = env.SYNC_RUNS_UPSTREAM_API?.trim() || DEFAULTS.upstreamApi;
  const upstreamUrl = parseUrl(upstream);
  if (
    !upstreamUrl ||
    !['http:', 'https:'].includes(upstreamUrl.protocol) ||
    upstreamUrl.search ||
    upstreamUrl.hash ||
    upstreamUrl.username ||
    upstreamUrl.password
  ) {
    problems.push(
      `SYNC_RUNS_UPSTREAM_API: must be an http(s) URL without query, fragment or credentials, got "${upstream}"`,
    );
  }
  if (!proxyEnabled && env.SYNC_RUNS_UPSTREAM_API) {
    warnings.push('SYNC_RUNS_UPSTREAM_API is set but SYNC_RUNS_PROXY_API is not 1: it is ignored.');
  }
  const timeoutMs = integer(
    env,
    'SYNC_RUNS_PROXY_TIMEOUT_MS',
    DEFAULTS.proxyTimeoutMs,
    1,
    600_000,
    problems,
  );

  let apiBaseUrl: string | null;
  let app: AppConfigFields;
  let configFile: ServerConfig['configFile'] = null;
  const filePath = env.SYNC_RUNS_CONFIG_FILE?.trim();
  if (filePath) {
    const conflicting = ENV_APP_FIELDS.filter((name) => env[name]?.trim());
    if (conflicting.length > 0) {
      problems.push(
        `SYNC_RUNS_CONFIG_FILE: cannot be combined with ${conflicting.join(', ')} (the file is served as-is; put those values in it)`,
      );
    }
    configFile = readConfigFile(resolve(filePath), problems);
    const parsed = appFieldsFromFile(configFile.body, problems);
    apiBaseUrl = parsed?.apiBaseUrl ?? null;
    app = parsed?.app ?? {
      auth: { clientId: '', authority: '', knownAuthorities: [], scopes: [] },
      integrations: [],
      embed: { allowedParentOrigins: [] },
    };
  } else {
    const explicitApi = env.SYNC_RUNS_API_BASE_URL?.trim();
    apiBaseUrl = explicitApi || (proxyEnabled ? null : DEFAULTS.apiBaseUrl);
    if (explicitApi) {
      const problem = apiUrlProblem(explicitApi);
      if (problem) problems.push(`SYNC_RUNS_API_BASE_URL: ${problem}`);
    }
    app = {
      auth: {
        clientId: env.SYNC_RUNS_CLIENT_ID?.trim() ?? '',
        authority: env.SYNC_RUNS_AUTHORITY?.trim() ?? '',
        knownAuthorities: list(env.SYNC_RUNS_KNOWN_AUTHORITIES),
        scopes: list(env.SYNC_RUNS_SCOPES),
      },
      integrations: list(env.SYNC_RUNS_INTEGRATIONS),
      embed: { allowedParentOrigins: list(env.SYNC_RUNS_EMBED_ORIGINS) },
      ...optionalUrls(
        {
          errorEndpoint: env.SYNC_RUNS_ERROR_ENDPOINT?.trim(),
          temporalUiUrl: env.SYNC_RUNS_TEMPORAL_UI_URL?.trim(),
        },
        { errorEndpoint: 'SYNC_RUNS_ERROR_ENDPOINT', temporalUiUrl: 'SYNC_RUNS_TEMPORAL_UI_URL' },
        problems,
      ),
    };
    const envName: Record<string, string> = {
      'auth.clientId': 'SYNC_RUNS_CLIENT_ID',
      'auth.authority': 'SYNC_RUNS_AUTHORITY',
      'auth.knownAuthorities': 'SYNC_RUNS_KNOWN_AUTHORITIES',
      'auth.scopes': 'SYNC_RUNS_SCOPES (comma list)',
      integrations: 'SYNC_RUNS_INTEGRATIONS (comma list)',
      'embed.allowedParentOrigins': 'SYNC_RUNS_EMBED_ORIGINS',
    };
    problems.push(...validateAppFields(app, (field) => envName[field] ?? field));
  }

  if (problems.length > 0) throw new ServerConfigError(problems);
  return {
    port,
    host,
    distDir,
    basePath,
    apiBaseUrl,
    proxy: { enabled: proxyEnabled, upstream: upstream.replace(/\/+$/, ''), timeoutMs },
    app,
    configFile,
    warnings,
  };
}
