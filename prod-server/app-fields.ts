// config.json's fields as the server checks them: the browser's own schema
// (src/lib/config/config-schema.ts), read from environment variables or the file. Problems name
// the variable, or the file's field, to fix.
import type { z } from 'zod';
import { problemLines } from '../server-kit/env.ts';
import { appConfigSchema } from '../src/lib/config/config-schema.ts';

export function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * The server checks config.json's fields with the browser's own schema: its rules for exact
 * origins (which the server writes into frame-ancestors), host names and integration names are
 * the browser's too, so an entry the browser would refuse never reaches a header either.
 */
export const serverAppConfigSchema = appConfigSchema;

/**
 * What SYNC_RUNS_* variables set: no `fetch` tuning (the browser's default applies), and apiBaseUrl
 * only when SYNC_RUNS_API_BASE_URL is set (else this server's origin, or the default API).
 */
const envConfigSchema = serverAppConfigSchema.omit({ fetch: true }).partial({ apiBaseUrl: true });

/** config.json minus apiBaseUrl (which may depend on the request) and the browser's `fetch` tuning. */
export type AppConfigFields = Omit<z.output<typeof serverAppConfigSchema>, 'apiBaseUrl' | 'fetch'>;

type AppFields = { apiBaseUrl: string | undefined; app: AppConfigFields };

function split({
  apiBaseUrl,
  fetch: _browserOnly,
  ...app
}: z.output<typeof envConfigSchema> & { fetch?: unknown }): AppFields {
  return { apiBaseUrl, app };
}

/** The variable that sets each config.json field. */
export const ENV_VARS = {
  apiBaseUrl: 'SYNC_RUNS_API_BASE_URL',
  'auth.clientId': 'SYNC_RUNS_CLIENT_ID',
  'auth.authority': 'SYNC_RUNS_AUTHORITY',
  'auth.knownAuthorities': 'SYNC_RUNS_KNOWN_AUTHORITIES',
  'auth.scopes': 'SYNC_RUNS_SCOPES',
  integrations: 'SYNC_RUNS_INTEGRATIONS',
  'embed.allowedParentOrigins': 'SYNC_RUNS_EMBED_ORIGINS',
  'errorReporting.endpoint': 'SYNC_RUNS_ERROR_ENDPOINT',
  temporalUiUrl: 'SYNC_RUNS_TEMPORAL_UI_URL',
  'runCache.enabled': 'SYNC_RUNS_RUN_CACHE',
} as const;
type EnvField = keyof typeof ENV_VARS;
const COMMA_LISTS: ReadonlySet<string> = new Set<EnvField>([
  'auth.knownAuthorities',
  'auth.scopes',
  'integrations',
  'embed.allowedParentOrigins',
]);

/** The variable behind a schema path: `auth.scopes` → `SYNC_RUNS_SCOPES (comma list)`. */
function envName(path: readonly PropertyKey[]): string {
  const field = path.filter((key) => typeof key === 'string').join('.');
  const name = (ENV_VARS as Record<string, string>)[field] ?? field;
  const wholeList = COMMA_LISTS.has(field) && typeof path[path.length - 1] === 'string';
  return wholeList ? `${name} (comma list)` : name;
}

function fileName(path: readonly PropertyKey[]): string {
  return `SYNC_RUNS_CONFIG_FILE ${path.map(String).join('.') || '(root)'}`;
}

function list(value: string | undefined): string[] {
  const items = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return [...new Set(items)];
}

/** config.json's fields from SYNC_RUNS_* variables; null (problems pushed) when they are invalid. */
export function appFieldsFromEnv(env: NodeJS.ProcessEnv, problems: string[]): AppFields | null {
  const value = (field: EnvField) => env[ENV_VARS[field]]?.trim() || undefined;
  const endpoint = value('errorReporting.endpoint');
  const temporalUiUrl = value('temporalUiUrl');
  const runCache = value('runCache.enabled');
  const enabled = runCache === 'true' ? true : runCache === 'false' ? false : runCache;
  const result = envConfigSchema.safeParse(
    {
      apiBaseUrl: value('apiBaseUrl'),
      auth: {
        clientId: value('auth.clientId'),
        authority: value('auth.authority'),
        knownAuthorities: list(value('auth.knownAuthorities')),
        scopes: list(value('auth.scopes')),
      },
      integrations: list(value('integrations')),
      embed: { allowedParentOrigins: list(value('embed.allowedParentOrigins')) },
      ...(endpoint && { errorReporting: { endpoint } }),
      ...(temporalUiUrl && { temporalUiUrl }),
      ...(enabled !== undefined && { runCache: { enabled } }),
    },
    { reportInput: true },
  );
  if (result.success) return split(result.data);
  problems.push(...problemLines(result.error, envName));
  return null;
}

/** config.json's fields from the SYNC_RUNS_CONFIG_FILE text; null when it is invalid. */
export function appFieldsFromFile(body: string, problems: string[]): AppFields | null {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return null; // reported when the file was read
  }
  const result = serverAppConfigSchema.safeParse(raw, { reportInput: true });
  if (result.success) return split(result.data);
  problems.push(...problemLines(result.error, fileName));
  return null;
}
