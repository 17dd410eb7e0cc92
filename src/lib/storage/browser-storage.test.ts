import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  cookiePolicy,
  createBrowserStorage,
  signInStorageRefused,
  type StorageScope,
} from './browser-storage';
import { MemoryStorage } from './memory-storage';

const denied = () => {
  throw new DOMException(
    "Failed to read the 'sessionStorage' property from 'Window': Access is denied for this document.",
    'SecurityError',
  );
};

/** A document whose cookies stick (name=value pairs, Max-Age=0 removes). */
function cookieDocument() {
  const jar = new Map<string, string>();
  return {
    get cookie() {
      return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    },
    set cookie(text: string) {
      const [pair, ...attributes] = text.split(';').map((part) => part.trim());
      const [name = '', value = ''] = (pair ?? '').split('=');
      if (attributes.includes('Max-Age=0')) jar.delete(name);
      else jar.set(name, value);
    },
  };
}

/** A document that drops every cookie written (blocked cookies). */
const forgetful = {
  get cookie() {
    return '';
  },
  set cookie(_text: string) {},
};

/** Everything a page could want, working; `overrides` replaces parts with refusing ones. */
function scope(overrides: Record<string, PropertyDescriptor> = {}): StorageScope {
  const base: StorageScope = {
    localStorage: new MemoryStorage(),
    sessionStorage: new MemoryStorage(),
    indexedDB,
    document: cookieDocument(),
    BroadcastChannel,
    location: { protocol: 'https:' },
  };
  return Object.defineProperties(base, overrides);
}

describe('browser storage', () => {
  it('uses what the browser keeps and reports nothing lost', async () => {
    const page = scope();
    const storage = createBrowserStorage(page);
    storage.local().setItem('sync-runs.theme', 'dark');
    expect(page.localStorage?.getItem('sync-runs.theme')).toBe('dark');
    expect(storage.cookies.write('sync-runs.cache-key', 'abc')).toBe(true);
    expect(page.document?.cookie).toContain('__Host-sync-runs.cache-key=abc');
    expect(await storage.probeAll()).toEqual([]);
    expect(await storage.keyValueStore('sync-runs.test', 'records')).not.toBeNull();
  });

  it('keeps in memory for this page where reading localStorage or sessionStorage throws', async () => {
    const storage = createBrowserStorage(
      scope({ localStorage: { get: denied }, sessionStorage: { get: denied } }),
    );
    storage.local().setItem('sync-runs.saved-views', '[]');
    expect(storage.local().getItem('sync-runs.saved-views')).toBe('[]');
    storage.session().setItem('sync-runs.sent-times:x', '[1]');
    expect(storage.session().getItem('sync-runs.sent-times:x')).toBe('[1]');
    expect(await storage.probeAll()).toEqual(['localStorage', 'sessionStorage']);
  });

  it('keeps in memory where every write is refused (a quota of nothing)', async () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const storage = createBrowserStorage(scope({ localStorage: { value: full } }));
    storage.local().setItem('sync-runs.view-defaults', '{"preset":"7d"}');
    expect(storage.local().getItem('sync-runs.view-defaults')).toBe('{"preset":"7d"}');
    expect(storage.lost()).toEqual(['localStorage']);
  });

  it('keeps a value in memory when a later write no longer fits, and says so', () => {
    const real = new MemoryStorage();
    const storage = createBrowserStorage(scope({ localStorage: { value: real } }));
    storage.local().setItem('a', '1');
    real.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    storage.local().setItem('b', '2');
    expect(storage.local().getItem('a')).toBe('1');
    expect(storage.local().getItem('b')).toBe('2');
    expect(storage.lost()).toEqual(['localStorage']);
  });

  it('gives no database where IndexedDB fails to open or throws', async () => {
    const failing = {
      open() {
        const request = {} as IDBOpenDBRequest;
        queueMicrotask(() =>
          request.onerror?.call(request, { preventDefault() {} } as unknown as Event),
        );
        return request;
      },
    } as unknown as IDBFactory;
    const refusing = createBrowserStorage(scope({ indexedDB: { value: failing } }));
    expect(await refusing.keyValueStore('sync-runs.run-cache', 'records')).toBeNull();
    expect(refusing.lost()).toEqual(['indexedDB']);

    const throwing = createBrowserStorage(scope({ indexedDB: { get: denied } }));
    expect(await throwing.indexedDbUsable()).toBe(false);
    expect(throwing.lost()).toEqual(['indexedDB']);
  });

  it('reports cookies lost where a written cookie does not stick, or document.cookie throws', async () => {
    const storage = createBrowserStorage(scope({ document: { value: forgetful } }));
    expect(storage.cookies.write('sync-runs.cache-key', 'abc')).toBe(false);
    expect(storage.cookies.read('sync-runs.cache-key')).toBeNull();
    expect(storage.lost()).toEqual(['cookies']);

    const sandboxed = {
      get cookie(): string {
        return denied();
      },
      set cookie(_text: string) {
        denied();
      },
    };
    const refusing = createBrowserStorage(scope({ document: { value: sandboxed } }));
    expect(await refusing.probeAll()).toEqual(['cookies']);
  });

  it('gives no channel where BroadcastChannel is missing or its constructor throws', () => {
    class Refused {
      constructor() {
        denied();
      }
    }
    const storage = createBrowserStorage(scope({ BroadcastChannel: { value: Refused } }));
    expect(storage.channel('sync-runs.session')).toBeNull();
    expect(storage.lost()).toEqual(['broadcast']);
    const missing = createBrowserStorage(scope({ BroadcastChannel: { value: undefined } }));
    expect(missing.channel('sync-runs.session')).toBeNull();
  });

  it('tells the full app that sign-in cannot work where storage or cookies are refused', () => {
    expect(signInStorageRefused(createBrowserStorage(scope()))).toBe(false);
    const noSession = createBrowserStorage(scope({ sessionStorage: { get: denied } }));
    expect(signInStorageRefused(noSession)).toBe(true);
    const noCookies = createBrowserStorage(scope({ document: { value: forgetful } }));
    expect(signInStorageRefused(noCookies)).toBe(true);
  });

  it('tells listeners once what is lost, with the same list until it changes', () => {
    const storage = createBrowserStorage(scope({ localStorage: { get: denied } }));
    const seen: (readonly string[])[] = [];
    storage.subscribe(() => seen.push(storage.lost()));
    storage.local();
    storage.local();
    expect(seen).toEqual([['localStorage']]);
    expect(storage.lost()).toBe(storage.lost());
  });
});

describe('the key cookie', () => {
  const top = { location: { protocol: 'https:' }, top: 1, self: 1 };
  it('is __Host- and SameSite=Strict at the top level over https', () => {
    expect(cookiePolicy(top)).toEqual({
      prefix: '__Host-',
      attributes: 'Path=/; Secure; SameSite=Strict',
    });
  });
  it('keeps its plain name on http://localhost, still SameSite=Strict', () => {
    expect(cookiePolicy({ ...top, location: { protocol: 'http:' } })).toEqual({
      prefix: '',
      attributes: 'Path=/; SameSite=Strict',
    });
  });
  it('is SameSite=None and Partitioned inside a frame, where a portal on another site shows it', () => {
    const framed = { ...top, top: {}, self: {} };
    expect(cookiePolicy(framed)).toEqual({
      prefix: '__Host-',
      attributes: 'Path=/; Secure; SameSite=None; Partitioned',
    });
  });
});
