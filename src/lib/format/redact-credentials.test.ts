import { describe, expect, it } from 'vitest';
import { containsCredential, isCredentialName, redactCredentials } from './redact-credentials';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('redactCredentials', () => {
  it('replaces bearer tokens, JWTs and Neo API keys, and leaves the rest of the text', () => {
    expect(redactCredentials(`401 for Bearer ${jwt} on /tickets`)).toBe(
      '401 for Bearer [redacted] on /tickets',
    );
    expect(redactCredentials(`token=${jwt}`)).toBe('token=[redacted]');
    expect(redactCredentials(`id ${jwt}`)).toBe('id [redacted token]');
    expect(redactCredentials('key neo_sk_live_AbC-123 refused')).toBe('key [redacted key] refused');
    expect(redactCredentials('Board: Service Desk (444)')).toBe('Board: Service Desk (444)');
  });

  it.each([
    ['Authorization: Basic dXNlcjpwYXNz\nHost: x', 'Authorization: [redacted]\nHost: x'],
    ['authorization: opaque-value and more', 'authorization: [redacted]'],
    ['Proxy-Authorization: Digest username="u", response="r"', 'Proxy-Authorization: [redacted]'],
    ['{"Authorization":"Token abc","page":2}', '{"Authorization":[redacted],"page":2}'],
    ['Cookie: session=abc; other=1', 'Cookie: [redacted]'],
    ['X-Api-Key: k-123 (refused)', 'X-Api-Key: [redacted]'],
    ['retry with Basic dXNlcjpwYXNz', 'retry with Basic [redacted]'],
    ['?api_key=s3cr3t&page=2', '?api_key=[redacted]&page=2'],
    ['password=hunter2 user=admin', 'password=[redacted] user=admin'],
    ['{"client_secret": "abc def", "id": 1}', '{"client_secret": [redacted], "id": 1}'],
    ["access_token='xyz'", 'access_token=[redacted]'],
    ['Authorization=Bearer%20abc', '[redacted]'],
    ['https://admin:pa55@host.example/x', 'https://[redacted]@host.example/x'],
    ['see neo%5Fsk%5Flive%5FAbC123 there', 'see [redacted] there'],
    ['cb=https%3A%2F%2Fx%2F%3Ftoken%3Dabc done', '[redacted] done'],
    ['twice: Bearer%2520abc123', 'twice: [redacted]'],
    [
      'xoxb-1234-5678-abcdefgh and ghp_abcdefghijklmnopqrstuv12',
      '[redacted key] and [redacted key]',
    ],
  ])('redacts %j', (text, expected) => {
    expect(redactCredentials(text)).toBe(expected);
  });

  it.each([
    'Basic authentication is disabled for this tenant',
    'PSA Contacts has found 0 records in each of the last 5 runs',
    'Ticket Types: permission_denied in 3 runs. 100% of runs (12/12) failed',
    'Tokens: 5 left; progress 50%',
    'Refresh token: expired. Reconnect the integration',
    'password=required by the PSA',
  ])('leaves %j as it is', (text) => {
    expect(redactCredentials(text)).toBe(text);
  });

  it('is idempotent', () => {
    const text = `Authorization: Bearer ${jwt}\npassword=x token: y https://u:p@h/ neo_sk_a_b`;
    const once = redactCredentials(text);
    expect(redactCredentials(once)).toBe(once);
    expect(redactCredentials(once.replace(/\n/g, ' '))).toBe(once.replace(/\n/g, ' '));
  });

  it('knows a credential by its name, for fields, parameters and headers', () => {
    for (const name of ['apiKey', 'client_secret', 'Authorization', 'refreshToken', 'smtpPass'])
      expect(isCredentialName(name), name).toBe(true);
    expect(isCredentialName('X-Signature')).toBe(true);
    for (const name of ['authority', 'channel', 'code', 'path', 'request_id', 'passes'])
      expect(isCredentialName(name), name).toBe(false);
    expect(redactCredentials('webhook signature=abc123 refused')).toBe(
      'webhook signature=[redacted] refused',
    );
    expect(containsCredential('see neo_sk_live_AbC123')).toBe(true);
    expect(containsCredential('Refresh token: expired')).toBe(false);
  });
});
