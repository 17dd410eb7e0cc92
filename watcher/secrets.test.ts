// Secrets from the environment: channel URLs checked by parsing, signing secrets and the ops token
// long enough, every problem named by its variable and never by its value.
import { describe, expect, it } from 'vitest';
import { parseWatcherConfig } from './config.ts';
import { resolveSecrets } from './secrets.ts';

const KEY = 'neo_sk_test_abcdefgh12345678';
const LONG = 'x'.repeat(32);

function config(http: object = {}) {
  return parseWatcherConfig(
    JSON.stringify({
      neo: { apiBaseUrl: 'https://neo.example' },
      dashboardUrl: 'https://dash.example',
      integrations: ['halopsa'],
      channels: [
        { name: 'hooks', type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' },
        { name: 'chat', type: 'slack', urlEnv: 'SLACK_URL' },
      ],
      http,
    }),
    'w.json',
  );
}

const env = (patch: Record<string, string>) => ({
  NEO_API_KEY: KEY,
  HOOK_URL: 'https://hooks.example/in',
  HOOK_SECRET: LONG,
  SLACK_URL: 'https://hooks.slack.com/services/T/B/C',
  ...patch,
});

describe('the watcher secrets', () => {
  it('read a channel URL by parsing it: http://localhost:x@evil.example/ goes to evil.example', () => {
    const { secrets, problems } = resolveSecrets(
      config(),
      env({ HOOK_URL: 'http://localhost:x@evil.example/', SLACK_URL: 'http://hooks.example/x' }),
    );
    expect(secrets).toBeNull();
    expect(problems).toEqual([
      'HOOK_URL must not carry a user name or password (credentials come from their own settings) (channel hooks)',
      'SLACK_URL must be an https:// URL (http:// is allowed only for localhost, 127.0.0.1 and [::1]) (channel chat)',
    ]);
    const local = resolveSecrets(config(), env({ HOOK_URL: 'http://127.0.0.1:9999/hook' }));
    expect(local.problems).toEqual([]);
  });

  it('refuse a webhook signing secret shorter than 32 characters, without printing it', () => {
    const short = 'a-long-enough-shared-secret';
    const { problems } = resolveSecrets(config(), env({ HOOK_SECRET: short }));
    expect(problems).toEqual([
      'HOOK_SECRET is too short: at least 32 characters (signing secret of channel hooks)',
    ]);
    expect(problems.join('\n')).not.toContain(short);
  });

  it('need the ops token when the ops endpoint listens beyond loopback', () => {
    const open = resolveSecrets(config({ host: '0.0.0.0' }), env({}));
    expect(open.secrets).toBeNull();
    expect(open.problems).toEqual([
      'WATCHER_OPS_TOKEN is not set: the ops endpoint listens on 0.0.0.0, beyond loopback, and will not start without a bearer token for /notices (at least 32 characters)',
    ]);
    const short = resolveSecrets(config({ host: '0.0.0.0' }), env({ WATCHER_OPS_TOKEN: 'short' }));
    expect(short.problems).toEqual(['WATCHER_OPS_TOKEN is too short: at least 32 characters']);
    const set = resolveSecrets(config({ host: '::' }), env({ WATCHER_OPS_TOKEN: LONG }));
    expect(set.secrets?.opsToken).toBe(LONG);
    const local = resolveSecrets(config(), env({}));
    expect(local.secrets?.opsToken).toBeNull();
  });
});
