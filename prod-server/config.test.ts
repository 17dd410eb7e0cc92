// @vitest-environment node
// The server validates config.json's fields with the browser's own schema: same verdicts, same fields.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appConfigSchema } from '../src/lib/config/config-schema.ts';
import { loadServerConfig, ServerConfigError } from './config.ts';
import { VALID_CONFIG_JSON as VALID } from './test-support.ts';

const root = mkdtempSync(join(tmpdir(), 'sync-runs-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ENV = {
  SYNC_RUNS_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  SYNC_RUNS_AUTHORITY: 'https://login.microsoftonline.com/organizations',
  SYNC_RUNS_SCOPES: 'api://neo/access_as_user',
  SYNC_RUNS_INTEGRATIONS: 'halopsa',
};

let files = 0;
function withFile(config: unknown): NodeJS.ProcessEnv {
  const path = join(root, `config-${files++}.json`);
  writeFileSync(path, JSON.stringify(config));
  return { SYNC_RUNS_CONFIG_FILE: path };
}

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadServerConfig(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ServerConfigError);
    return (error as ServerConfigError).problems;
  }
}

/** What the browser says about config.json: `field: message` lines, as parseAppConfig lists them. */
function browserProblems(config: unknown): string[] {
  const result = appConfigSchema.safeParse(config);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

describe('loadServerConfig and the shared config.json schema', () => {
  it('accepts http://[::1] like the browser does, from a variable and from the file', () => {
    const url = 'http://[::1]:8080';
    expect(browserProblems({ ...VALID, apiBaseUrl: url })).toEqual([]);
    expect(loadServerConfig({ ...ENV, SYNC_RUNS_API_BASE_URL: url }).apiBaseUrl).toBe(url);
    expect(loadServerConfig(withFile({ ...VALID, apiBaseUrl: url })).apiBaseUrl).toBe(url);
    const withOrigin = loadServerConfig({ ...ENV, SYNC_RUNS_EMBED_ORIGINS: 'http://[::1]:5173' });
    expect(withOrigin.app.embed.allowedParentOrigins).toEqual(['http://[::1]:5173']);
  });

  it('rejects plain http for other hosts, naming the variable', () => {
    expect(problems({ ...ENV, SYNC_RUNS_API_BASE_URL: 'http://example.com' })).toEqual([
      'SYNC_RUNS_API_BASE_URL: must be an https:// URL (http:// is allowed only for localhost, 127.0.0.1 and [::1]), got "http://example.com"',
    ]);
  });

  it('rejects the same fields of an invalid config.json as the browser, and lists them all', () => {
    const invalid = {
      apiBaseUrl: 'http://example.com',
      auth: { clientId: '', authority: 'http://login.example.com/t', scopes: [] },
      integrations: [],
      errorReporting: { endpoint: 'not a url' },
      temporalUiUrl: 'http://temporal.example.com',
      fetch: { maxParallelSlices: 40 },
    };
    const browser = browserProblems(invalid);
    expect(browser.map((line) => line.split(':')[0])).toEqual([
      'apiBaseUrl',
      'auth.clientId',
      'auth.authority',
      'auth.scopes',
      'integrations',
      'errorReporting.endpoint',
      'temporalUiUrl',
      'fetch.maxParallelSlices',
    ]);
    const server = problems(withFile(invalid));
    expect(server).toHaveLength(browser.length);
    server.forEach((line, index) => {
      expect(line.startsWith(`SYNC_RUNS_CONFIG_FILE ${browser[index]}`), line).toBe(true);
    });
  });

  it('names the variables behind the same invalid fields', () => {
    const lines = problems({
      SYNC_RUNS_API_BASE_URL: 'http://example.com',
      SYNC_RUNS_CLIENT_ID: '',
      SYNC_RUNS_AUTHORITY: 'http://login.example.com/t',
      SYNC_RUNS_SCOPES: ' , ',
      SYNC_RUNS_INTEGRATIONS: '',
      SYNC_RUNS_ERROR_ENDPOINT: 'not a url',
      SYNC_RUNS_TEMPORAL_UI_URL: 'http://temporal.example.com',
    });
    expect(lines.map((line) => line.split(':')[0])).toEqual([
      'SYNC_RUNS_API_BASE_URL',
      'SYNC_RUNS_CLIENT_ID',
      'SYNC_RUNS_AUTHORITY',
      'SYNC_RUNS_SCOPES (comma list)',
      'SYNC_RUNS_INTEGRATIONS (comma list)',
      'SYNC_RUNS_ERROR_ENDPOINT',
      'SYNC_RUNS_TEMPORAL_UI_URL',
    ]);
    expect(lines).toContain('SYNC_RUNS_CLIENT_ID: is required');
    expect(lines).toContain('SYNC_RUNS_SCOPES (comma list): needs at least the API scope');
  });

  it('layers its own CSP rules on top, in the file too', () => {
    const lines = problems(
      withFile({
        ...VALID,
        auth: { ...VALID.auth, knownAuthorities: ['login.example.com', '*.example.com'] },
        integrations: ['halopsa', 'halo psa'],
        embed: { allowedParentOrigins: ['https://portal.example.com/app'] },
      }),
    );
    expect(lines).toEqual([
      'SYNC_RUNS_CONFIG_FILE auth.knownAuthorities.1: is not a host name (host[:port]), got "*.example.com"',
      'SYNC_RUNS_CONFIG_FILE integrations.1: is not an integration name, got "halo psa"',
      'SYNC_RUNS_CONFIG_FILE embed.allowedParentOrigins.0: is not an exact origin like https://portal.example.com (no path, no wildcard, no trailing slash), got "https://portal.example.com/app"',
    ]);
  });

  it('reads its own variables through one schema, listing every problem and never a credential', () => {
    const lines = problems({
      ...ENV,
      PORT: '80.5',
      SYNC_RUNS_PROXY_API: 'yes',
      SYNC_RUNS_UPSTREAM_API: 'https://svc:hunter2-password@api.example.com',
      SYNC_RUNS_SHUTDOWN_DELAY_MS: 'soon',
    });
    expect(lines).toEqual([
      'PORT: must be a whole number from 0 to 65535, got "80.5"',
      'SYNC_RUNS_PROXY_API: must be 0 or 1, got "yes"',
      'SYNC_RUNS_UPSTREAM_API: must be an http(s) URL without query, fragment or credentials, got "https://[redacted]@api.example.com"',
      'SYNC_RUNS_SHUTDOWN_DELAY_MS: must be a whole number from 0 to 600000, got "soon"',
    ]);
  });

  it('serves only what the variables set: no fetch tuning, no empty optional fields', () => {
    const config = loadServerConfig(ENV);
    expect(config.apiBaseUrl).toBe('https://api.neoagent.io');
    expect(JSON.parse(JSON.stringify(config.app))).toEqual({
      auth: { ...VALID.auth, knownAuthorities: [] },
      integrations: ['halopsa'],
      embed: { allowedParentOrigins: [] },
      runCache: { enabled: true },
    });
    // The run cache can be switched off from the environment; anything but true/false is refused.
    expect(loadServerConfig({ ...ENV, SYNC_RUNS_RUN_CACHE: 'false' }).app.runCache).toEqual({
      enabled: false,
    });
    expect(() => loadServerConfig({ ...ENV, SYNC_RUNS_RUN_CACHE: 'maybe' })).toThrow(
      /SYNC_RUNS_RUN_CACHE/,
    );
  });
});
