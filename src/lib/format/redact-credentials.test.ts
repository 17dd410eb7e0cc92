import { describe, expect, it } from 'vitest';
import { redactCredentials } from './redact-credentials';

describe('redactCredentials', () => {
  it('replaces bearer tokens, JWTs and Neo API keys, and leaves the rest of the text', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect(redactCredentials(`401 for Bearer ${jwt} on /tickets`)).toBe(
      '401 for Bearer [redacted] on /tickets',
    );
    expect(redactCredentials(`token=${jwt}`)).toBe('token=[redacted]');
    expect(redactCredentials(`id ${jwt}`)).toBe('id [redacted token]');
    expect(redactCredentials('key neo_sk_live_AbC-123 refused')).toBe('key [redacted key] refused');
    expect(redactCredentials('Board: Service Desk (444)')).toBe('Board: Service Desk (444)');
  });
});
