// Production server settings: every environment variable is read and validated here, once, through
// zod (server-kit/env.ts), every problem listed at once.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { flag, jsonText, parseAll, text, wholeNumber } from '../server-kit/env.ts';
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
  const json = parseAll(jsonText(), body, () => `${VAR} "${path}"`);
  // Served byte for byte: a field the schema does not know would still reach every browser.
  if (json.ok) problems.push(...credentialProblems(json.value, (field) => `${VAR} ${field}`));
  else problems.push(...json.problems);
  return { path, body };
}

/** `/`, or `/a/b/`: added slashes, and no `.`/`..` segment, `//` or unusual character. */
const basePath = () =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      let base = raw?.trim() || DEFAULTS.basePath;
      if (!base.startsWith('/')) base = `/${base}`;
      if (!base.endsWith('/')) base = `${base}/`;
      const segments = base.split('/').slice(1, -1);
      const plain =
        /^[A-Za-z0-9._~/-]+$/.test(base) &&
        !base.includes('//') &&
        !segments.some((s) => s === '.' || s === '..');
      if (plain) return base;
      ctx.addIssue({
        code: 'custom',
        message: 'must be a plain path such as / or /sync-runs/',
        input: raw,
      });
      return z.NEVER;
    });

/** An http(s) URL without query, fragment or credentials; trailing slashes dropped. */
const upstreamUrl = () =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const upstream = raw?.trim() || DEFAULTS.upstreamApi;
      const url = parseUrl(upstream);
      const plain =
        url &&
        ['http:', 'https:'].includes(url.protocol) &&
        !url.search &&
        !url.hash &&
        !url.username &&
        !url.password;
      if (plain) return upstream.replace(/\/+$/, '');
      ctx.addIssue({
        code: 'custom',
        message: 'must be an http(s) URL without query, fragment or credentials',
        input: upstream,
      });
      return z.NEVER;
    });

/** The server's own variables (config.json's are app-fields.ts's), in the order problems list. */
const serverEnvSchema = z.object({
  PORT: wholeNumber(0, 65535, DEFAULTS.port),
  HOST: text(),
  DIST_DIR: text(),
  BASE_PATH: basePath(),
  SYNC_RUNS_PROXY_API: flag(),
  SYNC_RUNS_UPSTREAM_API: upstreamUrl(),
  SYNC_RUNS_PROXY_TIMEOUT_MS: wholeNumber(1, 600_000, DEFAULTS.proxyTimeoutMs),
  SYNC_RUNS_TRUST_PROXY: flag(),
  SYNC_RUNS_SERVE_SOURCEMAPS: flag(),
  SYNC_RUNS_MAX_CONNECTIONS: wholeNumber(1, 1_000_000, DEFAULTS.maxConnections),
  SYNC_RUNS_SHUTDOWN_DELAY_MS: wholeNumber(0, 600_000, DEFAULTS.shutdownDelayMs),
  SYNC_RUNS_CONFIG_FILE: text(),
});

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
  const parsed = parseAll(serverEnvSchema, env);
  const problems = parsed.ok ? [] : parsed.problems;
  const warnings: string[] = [];
  const vars = parsed.ok ? parsed.value : null;
  const proxyEnabled = vars?.SYNC_RUNS_PROXY_API ?? false;
  if (!proxyEnabled && env.SYNC_RUNS_UPSTREAM_API) {
    warnings.push('SYNC_RUNS_UPSTREAM_API is set but SYNC_RUNS_PROXY_API is not 1: it is ignored.');
  }

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

  if (problems.length > 0 || !app || !vars) throw new ServerConfigError(problems);
  return {
    port: vars.PORT,
    host: vars.HOST ?? DEFAULTS.host,
    distDir: resolve(vars.DIST_DIR ?? resolve(REPO_ROOT, DEFAULTS.distDir)),
    basePath: vars.BASE_PATH,
    apiBaseUrl,
    proxy: {
      enabled: proxyEnabled,
      upstream: vars.SYNC_RUNS_UPSTREAM_API,
      timeoutMs: vars.SYNC_RUNS_PROXY_TIMEOUT_MS,
    },
    trustProxy: vars.SYNC_RUNS_TRUST_PROXY,
    serveSourceMaps: vars.SYNC_RUNS_SERVE_SOURCEMAPS,
    maxConnections: vars.SYNC_RUNS_MAX_CONNECTIONS,
    shutdownDelayMs: vars.SYNC_RUNS_SHUTDOWN_DELAY_MS,
    app,
    configFile,
    warnings,
  };
}
