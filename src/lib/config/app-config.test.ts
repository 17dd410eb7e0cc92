import { describe, expect, it } from 'vitest';
import { ConfigError, integrationRefs, parseAppConfig } from './app-config';

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
});
