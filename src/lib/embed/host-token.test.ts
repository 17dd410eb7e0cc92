import { describe, expect, it, vi } from 'vitest';
import { accountIdFromToken, createHostTokenSource, HostTokenError } from './host-token';

const PORTAL = 'https://portal.example.com';

/** A JWT-shaped token (unsigned: only its shape and claims are read) for the user `name`. */
const b64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (name: string, claims: Record<string, unknown> = { oid: name, tid: 'tenant' }) =>
  `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.${name}-signature`;

/** A window inside a frame: records what it posts to its parent and lets the test answer. */
function framedWindow({ ancestor = PORTAL as string | null } = {}) {
  const listeners = new Set<(event: MessageEvent) => void>();
  const parent = { postMessage: vi.fn() };
  const win = {
    parent,
    location: { ancestorOrigins: ancestor ? [ancestor] : [] },
    document: { referrer: '' },
    addEventListener: (_: string, fn: (event: MessageEvent) => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: (event: MessageEvent) => void) => listeners.delete(fn),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  };
  const deliver = (data: unknown, origin = PORTAL, source: unknown = parent) =>
    listeners.forEach((fn) => fn({ data, origin, source } as MessageEvent));
  const lastRequest = () =>
    parent.postMessage.mock.calls.at(-1) as [
      { nonce: string; type: string; reason: string },
      string,
    ];
  return { win: win as unknown as Window, parent, deliver, lastRequest };
}

describe('createHostTokenSource', () => {
  it('asks the allowed parent with a nonce and accepts only the matching reply from window.parent', async () => {
    const f = framedWindow();
    const source = createHostTokenSource({ allowedOrigins: [PORTAL], win: f.win, timeoutMs: 200 });
    const pending = source.getAccessToken();
    const [message, target] = f.lastRequest();
    expect(target).toBe(PORTAL);
    expect(message).toMatchObject({ type: 'sync-runs:token-request', reason: 'initial' });

    const reply = {
      type: 'sync-runs:token',
      version: 1,
      accessToken: jwt('tok'),
      expiresOn: Date.now() + 3_600_000,
    };
    f.deliver(
      { ...reply, accessToken: jwt('forged'), nonce: message.nonce },
      'https://evil.example',
    ); // wrong origin
    f.deliver({ ...reply, accessToken: jwt('forged'), nonce: message.nonce }, PORTAL, {}); // not the parent
    f.deliver({ ...reply, accessToken: jwt('forged'), nonce: 'guess' }); // wrong nonce
    f.deliver({ type: 'sync-runs:token', nonce: message.nonce, accessToken: 42 }); // wrong shape
    f.deliver('<img src=x onerror=alert(1)>'); // not even an object
    f.deliver({ ...reply, nonce: message.nonce });
    await expect(pending).resolves.toBe(jwt('tok'));
    expect(source.ignoredMessages()).toEqual({ origin: 1, source: 1, nonce: 1, shape: 2 });
    // Kept in memory: no new request while the token is fresh.
    await expect(source.getAccessToken()).resolves.toBe(jwt('tok'));
    expect(f.parent.postMessage).toHaveBeenCalledTimes(1);
  });

  it('asks again after a 401 and before expiry', async () => {
    const f = framedWindow();
    const source = createHostTokenSource({
      allowedOrigins: [PORTAL],
      win: f.win,
      timeoutMs: 200,
      renewBeforeMs: 60_000,
    });
    const first = source.getAccessToken();
    f.deliver({
      type: 'sync-runs:token',
      nonce: f.lastRequest()[0].nonce,
      accessToken: jwt('a'),
      expiresOn: Date.now() + 30_000,
    });
    await first;
    const second = source.getAccessToken();
    expect(f.lastRequest()[0].reason).toBe('expiring');
    f.deliver({
      type: 'sync-runs:token',
      nonce: f.lastRequest()[0].nonce,
      accessToken: jwt('b'),
      expiresOn: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await expect(second).resolves.toBe(jwt('b'));
    const third = source.getAccessToken({ forceRefresh: true });
    expect(f.lastRequest()[0].reason).toBe('unauthorized');
    f.deliver({
      type: 'sync-runs:token',
      nonce: f.lastRequest()[0].nonce,
      accessToken: jwt('c'),
      expiresOn: Date.now() + 3_600_000,
    });
    await expect(third).resolves.toBe(jwt('c'));
  });

  it('refuses to ask a parent that is not allowed, and times out when nobody answers', async () => {
    const evil = framedWindow({ ancestor: 'https://evil.example' });
    await expect(
      createHostTokenSource({ allowedOrigins: [PORTAL], win: evil.win }).getAccessToken(),
    ).rejects.toThrow(/not an allowed origin/);
    expect(evil.parent.postMessage).not.toHaveBeenCalled();

    const silent = framedWindow();
    await expect(
      createHostTokenSource({
        allowedOrigins: [PORTAL],
        win: silent.win,
        timeoutMs: 20,
      }).getAccessToken(),
    ).rejects.toThrow(/did not answer/);
  });

  it('passes on a host that says it cannot provide a token', async () => {
    const f = framedWindow();
    const pending = createHostTokenSource({
      allowedOrigins: [PORTAL],
      win: f.win,
      timeoutMs: 200,
    }).getAccessToken();
    f.deliver({
      type: 'sync-runs:token-error',
      nonce: f.lastRequest()[0].nonce,
      message: 'Portal user is not signed in.',
    });
    await expect(pending).rejects.toThrow('Portal user is not signed in.');
  });
});

describe('what the host hands over', () => {
  async function handOver(accessToken: string) {
    const f = framedWindow();
    const source = createHostTokenSource({ allowedOrigins: [PORTAL], win: f.win, timeoutMs: 200 });
    const pending = source.getAccessToken();
    f.deliver({
      type: 'sync-runs:token',
      version: 1,
      nonce: f.lastRequest()[0].nonce,
      accessToken,
      expiresOn: Date.now() + 3_600_000,
    });
    const error = await pending.then(
      () => null,
      (e: unknown) => e,
    );
    return { error, f, source };
  }

  it('refuses a Neo API key, telling the portal’s developer why, and never uses or repeats it', async () => {
    const key = 'neo_sk_prod_AbCdEf0123456789';
    const { error, f, source } = await handOver(key);
    expect(error).toBeInstanceOf(HostTokenError);
    const message = (error as Error).message;
    expect(message).toMatch(/Neo API key/);
    expect(message).toMatch(/never reach a browser/);
    expect(message).toMatch(/Entra access token/);
    expect(message).not.toContain(key);
    // Not kept: the next call asks the host again instead of returning the key.
    const again = source.getAccessToken();
    f.deliver({
      type: 'sync-runs:token',
      version: 1,
      nonce: f.lastRequest()[0].nonce,
      accessToken: jwt('alice'),
      expiresOn: Date.now() + 3_600_000,
    });
    await expect(again).resolves.toBe(jwt('alice'));
  });

  it('accepts only a JWT-shaped token', async () => {
    for (const notAToken of [
      'opaque-session-id',
      ' neo_sk_test_xyz',
      'a.b',
      'e30.e30',
      `${jwt('x')}.extra`,
      'bm90IGpzb24.e30.sig', // a header that is not JSON
      'e30.W10.sig', // a payload that is an array
      'e30.e30.',
    ]) {
      const { error } = await handOver(notAToken);
      expect(error, notAToken).toBeInstanceOf(HostTokenError);
      expect((error as Error).message, notAToken).toMatch(/not an access token|Neo API key/);
    }
    expect((await handOver(jwt('bob'))).error).toBeNull();
  });
});

describe('accountIdFromToken', () => {
  it('names the kept runs’ owner from the tenant and object id claims', () => {
    expect(accountIdFromToken(jwt('o1', { oid: 'o1', tid: 't1' }))).toBe('o1.t1');
  });

  it('names no owner for a token without both claims, so it keeps nothing', () => {
    expect(accountIdFromToken(jwt('x', { sub: 's1', tid: 't1' }))).toBeNull();
    expect(accountIdFromToken(jwt('x', { oid: 'o1' }))).toBeNull();
    expect(accountIdFromToken(jwt('x', { oid: '', tid: 't1' }))).toBeNull();
    expect(accountIdFromToken(jwt('x', { oid: 1, tid: 't1' }))).toBeNull();
    expect(accountIdFromToken('garbage')).toBeNull();
  });
});
