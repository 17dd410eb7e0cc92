// Production server settings: every environment variable is read and validated here, once.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  appFieldsFromEnv,
  appFieldsFromFile,
  ENV_VARS,
  parseUrl,
  type AppConfigFields,
} from './app-fields.ts';
import { credentialProblems } from './config-secrets.ts';

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
  maxConnections: 1024,
  shutdownDelayMs: 0,
} as const;

export type { AppConfigFields } from './app-fields.ts';
export type { IntegrationEntry } from '../src/lib/config/config-schema.ts';

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
  /**
   * SYNC_RUNS_TRUST_PROXY=1: the peer is a reverse proxy whose X-Forwarded-For/-Host/-Proto are
   * believed (HSTS, config.json's origin, what the API proxy passes on). Otherwise they are ignored.
   */
  trustProxy: boolean;
  /** SYNC_RUNS_SERVE_SOURCEMAPS=1 serves `*.map` files from DIST_DIR; by default they are 404. */
  serveSourceMaps: boolean;
  /** `server.maxConnections`: connections beyond it are dropped as they arrive. */
  maxConnections: number;
  /** After SIGTERM, how long /readyz answers 503 while requests are still served, before closing. */
  shutdownDelayMs: number;
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

/** Reads SYNC_RUNS_CONFIG_FILE and checks that it is JSON (appFieldsFromFile checks its fields). */
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
    // Served byte for byte: a field the schema does not know would still reach every browser.
    problems.push(...credentialProblems(JSON.parse(body), (field) => `${VAR} ${field}`));
  } catch (error) {
    problems.push(`${VAR}: "${path}" is not valid JSON (${(error as Error).message})`);
  }
  return { path, body };
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

/** A `0`/`1` switch, off when unset. */
function flag(env: NodeJS.ProcessEnv, name: string, problems: string[]): boolean {
  const raw = env[name]?.trim() || '0';
  if (raw !== '0' && raw !== '1') problems.push(`${name}: must be 0 or 1, got "${raw}"`);
  return raw === '1';
}

/** The variable behind a config.json path (`auth.scopes.0` → SYNC_RUNS_SCOPES). */
function envVarOf(path: string): string {
  const parts = path.split('.').filter((part) => !/^\d+$/.test(part));
  for (let n = parts.length; n > 0; n -= 1) {
    const name = (ENV_VARS as Record<string, string>)[parts.slice(0, n).join('.')];
    if (name) return name;
  }
  return path;
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

  const proxyEnabled = flag(env, 'SYNC_RUNS_PROXY_API', problems);
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
  const trustProxy = flag(env, 'SYNC_RUNS_TRUST_PROXY', problems);
  const serveSourceMaps = flag(env, 'SYNC_RUNS_SERVE_SOURCEMAPS', problems);
  const maxConnections = integer(
    env,
    'SYNC_RUNS_MAX_CONNECTIONS',
    DEFAULTS.maxConnections,
    1,
    1_000_000,
    problems,
  );
  const shutdownDelayMs = integer(
    env,
    'SYNC_RUNS_SHUTDOWN_DELAY_MS',
    DEFAULTS.shutdownDelayMs,
    0,
    600_000,
    problems,
  );

  let apiBaseUrl: string | null;
  let app: AppConfigFields | null;
  let configFile: ServerConfig['configFile'] = null;
  const filePath = env.SYNC_RUNS_CONFIG_FILE?.trim();
  if (filePath) {
    const conflicting = Object.values(ENV_VARS).filter((name) => env[name]?.trim());
    if (conflicting.length > 0) {
      problems.push(
        `SYNC_RUNS_CONFIG_FILE: cannot be combined with ${conflicting.join(', ')} (the file is served as-is; put those values in it)`,
      );
    }
    configFile = readConfigFile(resolve(filePath), problems);
    const fields = appFieldsFromFile(configFile.body, problems);
    apiBaseUrl = fields?.apiBaseUrl ?? null;
    app = fields?.app ?? null;
  } else {
    const fields = appFieldsFromEnv(env, problems);
    apiBaseUrl = fields?.apiBaseUrl ?? (proxyEnabled ? null : DEFAULTS.apiBaseUrl);
    app = fields?.app ?? null;
    problems.push(...credentialProblems({ apiBaseUrl, ...app }, envVarOf));
  }

  if (problems.length > 0 || !app) throw new ServerConfigError(problems);
  return {
    port,
    host,
    distDir,
    basePath,
    apiBaseUrl,
    proxy: { enabled: proxyEnabled, upstream: upstream.replace(/\/+$/, ''), timeoutMs },
    trustProxy,
    serveSourceMaps,
    maxConnections,
    shutdownDelayMs,
    app,
    configFile,
    warnings,
  };
}
