// One value kept in this browser's localStorage under a fixed key: parsed and checked on every
// read (storage is user-editable), shared with the app's other tabs, and harmless when storage is
// missing or refused (a cross-site frame may have none): then it lives for this page only
// (browser-storage.ts keeps it in memory and says so).
import { useSyncExternalStore } from 'react';
import { browserStorage } from './browser-storage';

export type StoredValue<T> = {
  key: string;
  read: () => T;
  write: (value: T) => void;
  clear: () => void;
  subscribe: (listener: () => void) => () => void;
};

/** `parse` gets the JSON-decoded text (or null) and returns a valid value, falling back itself. */
export function storedValue<T>(key: string, parse: (raw: unknown) => T): StoredValue<T> {
  const listeners = new Set<() => void>();
  let cachedRaw: string | null | undefined;
  let cachedValue: T;

  const rawText = (): string | null => browserStorage.local().getItem(key);
  const emit = () => listeners.forEach((listener) => listener());
  const save = (text: string | null) => {
    if (text === null) browserStorage.local().removeItem(key);
    else browserStorage.local().setItem(key, text);
    emit();
  };

  return {
    key,
    read() {
      const raw = rawText();
      if (raw !== cachedRaw) {
        cachedRaw = raw;
        let decoded: unknown = null;
        try {
          decoded = raw === null ? null : JSON.parse(raw);
        } catch {
          decoded = null;
        }
        cachedValue = parse(decoded);
      }
      return cachedValue;
    },
    write: (value) => save(JSON.stringify(value)),
    clear: () => save(null),
    subscribe(listener) {
      listeners.add(listener);
      const onStorage = (event: StorageEvent) => {
        if (event.key === key || event.key === null) listener();
      };
      globalThis.addEventListener?.('storage', onStorage);
      return () => {
        listeners.delete(listener);
        globalThis.removeEventListener?.('storage', onStorage);
      };
    },
  };
}

/** The value, re-rendering when this tab or another one changes it. */
export function useStoredValue<T>(store: StoredValue<T>): T {
  return useSyncExternalStore(store.subscribe, store.read, store.read);
}
