// @vitest-environment node
// Environment knobs: defaults, overrides, and one clear error listing every bad value.
import { describe, expect, it } from 'vitest';
import { API_AUDIENCE, idpIssuer } from '../local-idp/settings.ts';
import { DEFAULT_CORS_ORIGINS, resolveConfig, StandinConfigError } from './config.ts';

describe('resolveConfig', () => {
  it('has local defaults', () => {
    const config = resolveConfig({}, {});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      latencyMs: 0,
      fault5xxRate: 0,
      fault429Rate: 0,
      historyDays: 35,
      cadenceMinutes: null,
      rateLimit: 1200,
      corsOrigins: DEFAULT_CORS_ORIGINS,
      apiKeys: [],
      issuer: idpIssuer(8443),
      audience: API_AUDIENCE,
    });
    expect(config.caFile).toMatch(/\.local-dev\/idp\/cert\.pem$/);
  });

  it('reads the environment, and options win over it', () => {
    const env = {
      PORT: '9000',
      STANDIN_CADENCE_MINUTES: '5',
      STANDIN_FAULT_5XX_RATE: '0.1',
      STANDIN_API_KEYS: 'neo_sk_dev_aaaaaaaaaaaaaaaa, neo_sk_ci_bbbbbbbbbbbbbbbb',
      STANDIN_CORS_ORIGINS: 'https://dash.example.com',
      IDP_PORT: '9443',
    };
    const config = resolveConfig({ port: 0 }, env);
    expect(config.port).toBe(0);
    expect(config.cadenceMinutes).toBe(5);
    expect(config.fault5xxRate).toBe(0.1);
    expect(config.apiKeys).toEqual(['neo_sk_dev_aaaaaaaaaaaaaaaa', 'neo_sk_ci_bbbbbbbbbbbbbbbb']);
    expect(config.corsOrigins).toEqual(['https://dash.example.com']);
    expect(config.issuer).toBe(idpIssuer(9443));
    expect(resolveConfig({ idpPort: 9555 }, env).issuer).toBe(idpIssuer(9555));
    expect(resolveConfig({}, { STANDIN_ISSUER: 'https://login.example/t/v2.0' }).issuer).toBe(
      'https://login.example/t/v2.0',
    );
  });

  it('lists every bad value at once', () => {
    const env = {
      PORT: 'eighty',
      STANDIN_FAULT_429_RATE: '2',
      STANDIN_HISTORY_DAYS: '1.5',
      STANDIN_CADENCE_MINUTES: '0',
      STANDIN_API_KEYS: 'sk_live_123',
      STANDIN_CORS_ORIGINS: 'localhost:5173',
    };
    let error: unknown;
    try {
      resolveConfig({}, env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StandinConfigError);
    const problems = (error as StandinConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'STANDIN_FAULT_429_RATE',
      'STANDIN_HISTORY_DAYS',
      'STANDIN_CADENCE_MINUTES',
      'STANDIN_API_KEYS',
      'STANDIN_CORS_ORIGINS',
    ])
      expect(problems).toContain(name);
  });

  it('refuses a token lifetime out of range, from the environment or from options', () => {
    const problemsOf = (overrides: object, env: Record<string, string>) => {
      try {
        resolveConfig(overrides, env);
        return [];
      } catch (error) {
        return (error as StandinConfigError).problems;
      }
    };
    expect(problemsOf({}, { STANDIN_TOKEN_EXPIRES_AFTER: '0' })).toEqual([
      'STANDIN_TOKEN_EXPIRES_AFTER: must be a whole number from 1 to 1000000, got 0',
    ]);
    expect(problemsOf({ tokenExpiresAfter: 2_000_000 }, {})).toHaveLength(1);
    expect(resolveConfig({}, { STANDIN_TOKEN_EXPIRES_AFTER: '5' }).tokenExpiresAfter).toBe(5);
  });
});
