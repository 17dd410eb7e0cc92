import { describe, expect, it, vi } from 'vitest';
import { accountIdFromToken, createHostTokenSource } from './host-token';

const PORTAL = 'https://portal.example.com';

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
      accessToken: 'tok',
      expiresOn: Date.now() + 3_600_000,
    };
    f.deliver({ ...reply, accessToken: 'forged', nonce: message.nonce }, 'https://evil.example'); // wrong origin
    f.deliver({ ...reply, accessToken: 'forged', nonce: message.nonce }, PORTAL, {}); // not the parent
    f.deliver({ ...reply, accessToken: 'forged', nonce: 'guess' }); // wrong nonce
    f.deliver({ type: 'sync-runs:token', nonce: message.nonce, accessToken: 42 }); // wrong shape
    f.deliver('<img src=x onerror=alert(1)>'); // not even an object
    f.deliver({ ...reply, nonce: message.nonce });
    await expect(pending).resolves.toBe('tok');
    expect(source.ignoredMessages()).toEqual({ origin: 1, source: 1, nonce: 1, shape: 2 });
    // Kept in memory: no new request while the token is fresh.
    await expect(source.getAccessToken()).resolves.toBe('tok');
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
      accessToken: 'a',
      expiresOn: Date.now() + 30_000,
    });
    await first;
    const second = source.getAccessToken();
    expect(f.lastRequest()[0].reason).toBe('expiring');
    f.deliver({
      type: 'sync-runs:token',
      nonce: f.lastRequest()[0].nonce,
      accessToken: 'b',
      expiresOn: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await expect(second).resolves.toBe('b');
    const third = source.getAccessToken({ forceRefresh: true });
    expect(f.lastRequest()[0].reason).toBe('unauthorized');
    f.deliver({
      type: 'sync-runs:token',
      nonce: f.lastRequest()[0].nonce,
      accessToken: 'c',
      expiresOn: Date.now() + 3_600_000,
    });
    await expect(third).resolves.toBe('c');
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

describe('accountIdFromToken', () => {
  it('reads oid and tid from the payload', () => {
    const payload = btoa(JSON.stringify({ oid: 'o1', tid: 't1' })).replace(/=+$/, '');
    expect(accountIdFromToken(`h.${payload}.s`)).toBe('o1.t1');
    expect(accountIdFromToken('garbage')).toBe('host-token');
  });
});
