import { describe, expect, it } from 'vitest';
import { appConfigSchema, ConfigError, integrationRefs, parseAppConfig } from './app-config';
import { appConfigSchema as sharedSchema } from './config-schema';

const valid = {
  apiBaseUrl: 'https://api.neoagent.io',
  auth: {
    clientId: '3da03a86-b850-4c07-96e5-7590022efe11',
    authority: 'https://login.microsoftonline.com/organizations',
    scopes: ['api://neo/access_as_user'],
  },
  integrations: ['connectwise', { name: 'acme_psa', displayName: 'Acme PSA', kind: 'PSA' }],
};

describe('parseAppConfig', () => {
  it('accepts a valid config and fills defaults', () => {
    const config = parseAppConfig(valid);
    expect(config.auth.knownAuthorities).toEqual([]);
    expect(config.embed.allowedParentOrigins).toEqual([]);
    expect(integrationRefs(config)).toEqual([
      { name: 'connectwise' },
      { name: 'acme_psa', displayName: 'Acme PSA', kind: 'PSA' },
    ]);
  });

  it('lists every problem with its field', () => {
    try {
      parseAppConfig({
        ...valid,
        apiBaseUrl: 'http://api.example.com',
        auth: { ...valid.auth, authority: 'http://idp', scopes: [] },
        integrations: [],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('apiBaseUrl');
      expect(problems).toContain('auth.authority');
      expect(problems).toContain('auth.scopes');
      expect(problems).toContain('integrations');
    }
  });

  it('allows plain http only for localhost', () => {
    expect(() => parseAppConfig({ ...valid, apiBaseUrl: 'http://127.0.0.1:8787' })).not.toThrow();
  });

  it('allows plain http for the IPv6 loopback too, and for no other host', () => {
    expect(parseAppConfig({ ...valid, apiBaseUrl: 'http://[::1]:8080' }).apiBaseUrl).toBe(
      'http://[::1]:8080',
    );
    const problems = (apiBaseUrl: string) => {
      try {
        parseAppConfig({ ...valid, apiBaseUrl });
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems;
      }
    };
    expect(problems('http://example.com')).toEqual([
      'apiBaseUrl: must be an https:// URL (http:// is allowed only for localhost, 127.0.0.1 and [::1])',
    ]);
    expect(problems('http://[::2]:8080')).toHaveLength(1);
    expect(problems('not a url')).toEqual(['apiBaseUrl: is not a URL']);
  });

  it('validates with the schema shared with prod-server', () => {
    expect(appConfigSchema).toBe(sharedSchema);
  });
});

describe('entries that would silently never match are config errors', () => {
  function problemsOf(config: unknown): string[] {
    try {
      parseAppConfig(config);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  }

  it('needs exact origins for embedding: no path, no trailing slash, https unless loopback', () => {
    const problems = problemsOf({
      ...valid,
      embed: {
        allowedParentOrigins: [
          'https://portal.example.com/',
          'https://portal.example.com/tickets',
          'http://portal.example.com',
          'https://*.example.com',
          'https://portal.example.com',
          'http://localhost:5174',
        ],
      },
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'embed.allowedParentOrigins.0',
      'embed.allowedParentOrigins.1',
      'embed.allowedParentOrigins.2',
      'embed.allowedParentOrigins.3',
    ]);
  });

  it('needs host names in knownAuthorities and slugs as integration names', () => {
    const problems = problemsOf({
      ...valid,
      auth: {
        ...valid.auth,
        knownAuthorities: ['login.example.com', 'https://login.example.com/'],
      },
      integrations: ['connectwise', 'my integration', { name: '../x' }],
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'auth.knownAuthorities.1',
      'integrations.1',
      'integrations.2.name',
    ]);
  });
});
