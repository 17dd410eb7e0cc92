// Finished runs kept in this browser between visits (IndexedDB, through idb-keyval): one record per
// account and integration, encrypted with AES-GCM under a key that lives only in a session cookie,
// bound to its account and integration (the AES-GCM additional data), dropped after 30 days, bounded
// in size, and cleared on sign-out and for any other account. SECURITY.md, "Runs kept between visits".
// The database comes from browser-storage.ts: none where the browser refuses IndexedDB (the page
// then says kept runs last only until it is left).
import { clear, del, entries, get, keys, set, delMany, type UseStore } from 'idb-keyval';
import {
  boundRecord,
  combineRecords,
  extendsRecord,
  RUN_CACHE_MAX_AGE_MS,
  type RunCacheRecord,
} from '@/domain/sync-runs/fetching/run-cache';
import { browserStorage } from '@/lib/storage/browser-storage';
import { forgetSessionKey, sessionKey } from '@/lib/storage/session-key';
import { deserialize, serialize } from './run-cache-codec';

export const RUN_CACHE_DB = 'sync-runs.run-cache';
export const RUN_CACHE_KEY_COOKIE = 'sync-runs.cache-key';
const FORMAT = 3;
/** Records kept at most (integrations × accounts); the least recently saved go first. */
export const MAX_RECORDS = 40;
/** Runs kept per record at most: the newest (30 days of a run every 2 minutes is 21,600). */
export const MAX_RUNS_PER_RECORD = 25_000;

type Entry = {
  format: number;
  owner: string;
  savedAt: number;
  /** The time range the record covers (no run, name or account in it), to skip reading it. */
  since: number;
  until: number;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
};

/** A kept record found for an integration: its range at once, its runs once decrypted. */
export type KeptEntry = {
  /** The time range the record covers and when it was read: stored in the clear beside it. */
  since: number;
  until: number;
  savedAt: number;
  /** The record itself, decrypted and parsed (null when it cannot be read). */
  record: Promise<RunCacheRecord | null>;
};

export type RunCache = {
  /** The kept entry, its decryption started but not awaited: what is new can be asked for meanwhile. */
  open: (name: string) => Promise<KeptEntry | null>;
  load: (name: string) => Promise<RunCacheRecord | null>;
  save: (name: string, record: RunCacheRecord) => Promise<void>;
};

/** The kept runs' database, or null where IndexedDB, crypto or compression is missing or refused. */
async function database(): Promise<UseStore | null> {
  if (!globalThis.crypto?.subtle || typeof CompressionStream !== 'function') return null;
  return browserStorage.keyValueStore(RUN_CACHE_DB, 'records');
}

/** A one-way name for the account: the database never holds its id in the clear. */
export async function ownerOf(accountId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accountId));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function isRecord(value: unknown): value is RunCacheRecord {
  const r = value as RunCacheRecord;
  return (
    typeof r === 'object' &&
    r !== null &&
    Number.isFinite(r.since) &&
    Number.isFinite(r.until) &&
    Number.isFinite(r.savedAt) &&
    Array.isArray(r.runs)
  );
}

async function safely<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work();
  } catch {
    // Storage refused, full or unreadable: the app reads the API as if nothing were kept.
    return fallback;
  }
}

/** An entry's record decrypted and parsed; undefined when this session's key cannot read it. */
async function decryptEntry(id: string, entry: Entry, cryptoKey: CryptoKey) {
  const plain = await crypto.subtle
    .decrypt(
      { name: 'AES-GCM', iv: entry.iv, additionalData: new TextEncoder().encode(id) },
      cryptoKey,
      entry.data,
    )
    .catch(() => null);
  if (!plain) return undefined;
  const record = await deserialize(plain);
  return isRecord(record) ? record : null;
}

/** The run cache of one signed-in account; a no-op where IndexedDB or crypto is missing. */
export function createRunCache(accountId: string, now: () => number = Date.now): RunCache {
  const owner = globalThis.crypto?.subtle ? ownerOf(accountId) : Promise.resolve('');
  const keyOf = async (name: string) => `${await owner}|${name}`;

  /** Whether an entry is this owner's and current (an expired one is deleted). */
  async function isCurrent(db: UseStore, id: string, entry: Entry) {
    if (entry.format !== FORMAT || entry.owner !== (await owner)) return false;
    if (now() - entry.savedAt > RUN_CACHE_MAX_AGE_MS) {
      await del(id, db);
      return false;
    }
    return true;
  }

  /** A current entry's record, if this session's key reads it. */
  async function readEntry(db: UseStore, id: string, entry: Entry, cryptoKey: CryptoKey) {
    const record = await decryptEntry(id, entry, cryptoKey);
    // Another browser session's key (or a changed entry): it can never be read again.
    if (record === undefined) await del(id, db);
    return record ?? null;
  }

  /** An entry's record, if it is this owner's, current and readable with this session's key. */
  async function openEntry(db: UseStore, id: string, entry: Entry, cryptoKey: CryptoKey) {
    return (await isCurrent(db, id, entry)) ? readEntry(db, id, entry, cryptoKey) : null;
  }

  async function open(name: string): Promise<KeptEntry | null> {
    const db = await database();
    if (!db) return null;
    return safely(async () => {
      const id = await keyOf(name);
      const cryptoKey = await sessionKey(RUN_CACHE_KEY_COOKIE, false);
      if (!cryptoKey) return null;
      const entry = await get<Entry>(id, db);
      if (!entry || !(await isCurrent(db, id, entry))) return null;
      const record = safely(() => readEntry(db, id, entry, cryptoKey), null);
      return { since: entry.since, until: entry.until, savedAt: entry.savedAt, record };
    }, null);
  }

  const load = async (name: string) => (await (await open(name))?.record) ?? null;

  async function save(name: string, record: RunCacheRecord): Promise<void> {
    const db = await database();
    if (!db) return;
    await safely(async () => {
      const cryptoKey = await sessionKey(RUN_CACHE_KEY_COOKIE, true);
      if (!cryptoKey) return;
      const id = await keyOf(name);
      // The kept record is decrypted only when it has older runs to add; unreadable, it is replaced.
      const kept = await get<Entry>(id, db);
      const older =
        kept && extendsRecord(kept, record, now())
          ? await safely(() => openEntry(db, id, kept, cryptoKey), null)
          : null;
      const combined = combineRecords(older, record, now());
      const bounded = boundRecord(combined, MAX_RUNS_PER_RECORD);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(id) },
        cryptoKey,
        await serialize(bounded),
      );
      const entry: Entry = {
        format: FORMAT,
        owner: await owner,
        savedAt: now(),
        since: bounded.since,
        until: bounded.until,
        iv,
        data,
      };
      await set(id, entry, db);
      await evictBeyond(db, MAX_RECORDS);
    }, undefined);
  }

  return { open, load, save };
}

async function evictBeyond(db: UseStore, max: number): Promise<void> {
  const ids = await keys(db);
  if (ids.length <= max) return;
  const all = await entries<IDBValidKey, Entry>(db);
  const oldest = all
    .sort((a, b) => (a[1]?.savedAt ?? 0) - (b[1]?.savedAt ?? 0))
    .slice(0, all.length - max)
    .map(([id]) => id);
  await delMany(oldest, db);
}

/** Keeps only this account's records: a different account never finds another's runs. */
export async function keepOnlyAccount(accountId: string): Promise<void> {
  const db = await database();
  if (!db) return;
  await safely(async () => {
    const owner = await ownerOf(accountId);
    const ids = await keys(db);
    const others = ids.filter((id) => !String(id).startsWith(`${owner}|`));
    if (others.length > 0) await delMany(others, db);
  }, undefined);
}

/** Sign-out: every kept run of every account, and the key, are gone. */
export async function clearRunCache(): Promise<void> {
  forgetSessionKey(RUN_CACHE_KEY_COOKIE);
  const db = await database();
  if (!db) return;
  await safely(() => clear(db), undefined);
}
