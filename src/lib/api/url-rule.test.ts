import { describe, expect, it } from 'vitest';
import {
  CREDENTIALS_IN_URL_MESSAGE,
  HTTPS_OR_LOOPBACK_MESSAGE,
  httpsOrLoopbackProblem,
  isHttpsOrLoopbackUrl,
} from './url-rule';

describe('the https-or-loopback URL rule', () => {
  it('allows https anywhere and plain http only to this machine', () => {
    expect(isHttpsOrLoopbackUrl('https://neo.example/api')).toBe(true);
    for (const local of ['http://localhost:8787', 'http://127.0.0.1/', 'http://[::1]:9/x'])
      expect(isHttpsOrLoopbackUrl(local)).toBe(true);
    expect(httpsOrLoopbackProblem('http://neo.example')).toBe(HTTPS_OR_LOOPBACK_MESSAGE);
    expect(httpsOrLoopbackProblem('ftp://localhost/')).toBe(HTTPS_OR_LOOPBACK_MESSAGE);
    expect(httpsOrLoopbackProblem('not a url')).toBe('is not a URL');
  });

  it('reads the host by parsing: http://localhost:x@evil.example/ goes to evil.example', () => {
    expect(isHttpsOrLoopbackUrl('http://localhost:x@evil.example/')).toBe(false);
    expect(isHttpsOrLoopbackUrl('http://localhost.evil.example/')).toBe(false);
    expect(isHttpsOrLoopbackUrl('http://127.0.0.1.evil.example/')).toBe(false);
  });

  it('refuses a user name or password inside the URL, even over https', () => {
    expect(httpsOrLoopbackProblem('https://user:pass@hooks.example/x')).toBe(
      CREDENTIALS_IN_URL_MESSAGE,
    );
    expect(httpsOrLoopbackProblem('https://token@hooks.example/x')).toBe(
      CREDENTIALS_IN_URL_MESSAGE,
    );
  });
});
