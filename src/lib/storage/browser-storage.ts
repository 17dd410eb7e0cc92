// The one place the app touches what a browser keeps for it: localStorage, sessionStorage,
// IndexedDB, cookies and BroadcastChannel (lint forbids them anywhere else). A browser may refuse
// any of them (a portal's frame where third-party storage is denied, blocked site data, private
// windows): reading the property throws, a write throws or does not stick, a database does not
// open. Each is probed once; a refused one is replaced by memory for this page, and `lost()` says
// which, so the page can tell the person once what will not be remembered.
import { createStore, type UseStore } from 'idb-keyval';
import { guardedStorage, MemoryStorage } from './memory-storage';

export type StorageKind = 'localStorage' | 'sessionStorage' | 'indexedDB' | 'cookies' | 'broadcast';

/** What the guard reads from: the page's window, or a stand-in in tests. */
export type StorageScope = {
  readonly localStorage?: Storage;
  readonly sessionStorage?: Storage;
  readonly indexedDB?: IDBFactory;
  readonly document?: { cookie: string };
  readonly BroadcastChannel?: typeof BroadcastChannel;
  readonly location?: { protocol: string };
  readonly top?: unknown;
  readonly self?: unknown;
};

export type CookieJar = {
  /** The value of the app's cookie `name` (its `__Host-` form over https), or null. */
  read(name: string): string | null;
  /** Writes a session cookie; false when the browser did not keep it. */
  write(name: string, value: string): boolean;
  remove(name: string): void;
};

export type BrowserStorage = {
  local(): Storage;
  session(): Storage;
  /** Whether IndexedDB opens here (probed once). */
  indexedDbUsable(): Promise<boolean>;
  /** An idb-keyval store of `database`, or null where IndexedDB is refused. */
  keyValueStore(database: string, store: string): Promise<UseStore | null>;
  cookies: CookieJar;
  /** A BroadcastChannel, or null where the browser has none or refuses it. */
  channel(name: string): BroadcastChannel | null;
  /** Probes every kind now (IndexedDB takes a moment) and resolves with what is refused. */
  probeAll(): Promise<readonly StorageKind[]>;
  /** The kinds found refused so far (the same array until it changes). */
  lost(): readonly StorageKind[];
  subscribe(listener: () => void): () => void;
};

const PROBE_KEY = 'sync-runs.storage-probe';

function attempt<T>(work: () => T, fallback: T): T {
  try {
    return work();
  } catch {
    return fallback;
  }
}

/** A Storage that answers and keeps what it is given, or null (the getter or a write throws). */
function probeStorage(get: () => Storage | undefined): Storage | null {
  try {
    const storage = get();
    if (!storage) return null;
    storage.setItem(PROBE_KEY, '1');
    const kept = storage.getItem(PROBE_KEY) === '1';
    storage.removeItem(PROBE_KEY);
    return kept ? storage : null;
  } catch {
    return null;
  }
}

function probeIndexedDb(scope: StorageScope): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const factory = scope.indexedDB;
      if (!factory) {
        resolve(false);
        return;
      }
      const request = factory.open(PROBE_KEY);
      request.onsuccess = () => {
        request.result.close();
        attempt(() => factory.deleteDatabase(PROBE_KEY), null);
        resolve(true);
      };
      request.onerror = (event) => {
        event.preventDefault();
        resolve(false);
      };
      request.onblocked = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
}

/**
 * The key cookie's form (SECURITY.md, "Runs kept between visits"): at the top level `SameSite=Strict`,
 * named `__Host-…` (Secure, Path=/, no Domain) over https. Inside a frame a Strict cookie is not
 * readable from a cross-site portal, so there it is `SameSite=None; Partitioned`: kept per portal.
 * On http://localhost the plain name (a `__Host-` cookie needs https).
 */
export function cookiePolicy(scope: StorageScope): { prefix: string; attributes: string } {
  const https = attempt(() => scope.location?.protocol === 'https:', false);
  const framed = attempt(() => scope.top !== scope.self, true);
  const prefix = https ? '__Host-' : '';
  if (framed) return { prefix, attributes: 'Path=/; Secure; SameSite=None; Partitioned' };
  return {
    prefix,
    attributes: https ? 'Path=/; Secure; SameSite=Strict' : 'Path=/; SameSite=Strict',
  };
}

/** How the key cookie was written before (kept to remove it). */
const LEGACY_ATTRIBUTES = 'path=/; Secure; SameSite=None; Partitioned';

function createCookieJar(scope: StorageScope, refused: () => void): CookieJar {
  const policy = cookiePolicy(scope);
  const cookieText = () => attempt(() => scope.document?.cookie ?? '', '');
  const set = (text: string) =>
    attempt(() => {
      if (scope.document) scope.document.cookie = text;
    }, undefined);
  const read = (fullName: string) => {
    for (const part of cookieText().split(';')) {
      const [key, ...rest] = part.trim().split('=');
      if (key === fullName) return rest.join('=');
    }
    return null;
  };
  return {
    read: (name) => read(policy.prefix + name),
    write(name, value) {
      set(`${policy.prefix}${name}=${value}; ${policy.attributes}`);
      const kept = read(policy.prefix + name) === value;
      if (!kept) refused();
      return kept;
    },
    remove(name) {
      set(`${policy.prefix}${name}=; Max-Age=0; ${policy.attributes}`);
      set(`${name}=; Max-Age=0; ${LEGACY_ATTRIBUTES}`);
    },
  };
}

export function createBrowserStorage(scope: StorageScope): BrowserStorage {
  const refused = new Set<StorageKind>();
  const listeners = new Set<() => void>();
  let snapshot: readonly StorageKind[] = [];
  const lose = (kind: StorageKind) => {
    if (refused.has(kind)) return;
    refused.add(kind);
    snapshot = [...refused];
    listeners.forEach((listener) => listener());
  };

  const storages = new Map<'localStorage' | 'sessionStorage', Storage>();
  const storage = (kind: 'localStorage' | 'sessionStorage'): Storage => {
    let kept = storages.get(kind);
    if (!kept) {
      const real = probeStorage(() => scope[kind]);
      if (!real) lose(kind);
      kept = real ? guardedStorage(real, () => lose(kind)) : new MemoryStorage();
      storages.set(kind, kept);
    }
    return kept;
  };

  let indexedDb: Promise<boolean> | null = null;
  const indexedDbUsable = () => {
    indexedDb ??= probeIndexedDb(scope).then((usable) => {
      if (!usable) lose('indexedDB');
      return usable;
    });
    return indexedDb;
  };
  const stores = new Map<string, UseStore>();

  const cookies = createCookieJar(scope, () => lose('cookies'));
  let cookiesProbed = false;

  const channel = (name: string): BroadcastChannel | null => {
    try {
      const Channel = scope.BroadcastChannel;
      if (typeof Channel !== 'function') throw new Error('No BroadcastChannel');
      return new Channel(name);
    } catch {
      lose('broadcast');
      return null;
    }
  };

  return {
    local: () => storage('localStorage'),
    session: () => storage('sessionStorage'),
    indexedDbUsable,
    async keyValueStore(database, store) {
      if (!(await indexedDbUsable())) return null;
      const id = `${database}/${store}`;
      let kept = stores.get(id);
      if (!kept) {
        kept = createStore(database, store);
        stores.set(id, kept);
      }
      return kept;
    },
    cookies,
    channel,
    async probeAll() {
      storage('localStorage');
      storage('sessionStorage');
      if (!cookiesProbed) {
        cookiesProbed = true;
        if (cookies.write(PROBE_KEY, '1')) cookies.remove(PROBE_KEY);
      }
      channel(PROBE_KEY)?.close();
      await indexedDbUsable();
      return snapshot;
    },
    lost: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** This page's storage. */
export const browserStorage: BrowserStorage = createBrowserStorage(globalThis as StorageScope);

/** Whether the full app can sign in here: MSAL keeps its state in both storages and a cookie. */
export function signInStorageRefused(storage: BrowserStorage = browserStorage): boolean {
  storage.local();
  storage.session();
  if (storage.cookies.write(PROBE_KEY, '1')) storage.cookies.remove(PROBE_KEY);
  const lost = storage.lost();
  return (
    lost.includes('localStorage') || lost.includes('sessionStorage') || lost.includes('cookies')
  );
}
