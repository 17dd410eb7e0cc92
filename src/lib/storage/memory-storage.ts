// A Storage that lives in this page's memory: what the app keeps where the browser refuses storage.

export class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();

  get length(): number {
    return this.#items.size;
  }

  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }

  removeItem(key: string): void {
    this.#items.delete(key);
  }

  clear(): void {
    this.#items.clear();
  }
}

/**
 * A browser Storage that never throws: a value it refuses to write (full, or refused from now on)
 * is kept in memory for this page and `refused` is called.
 */
export function guardedStorage(real: Storage, refused: () => void): Storage {
  const kept = new MemoryStorage();
  const attempt = <T>(work: () => T, fallback: T): T => {
    try {
      return work();
    } catch {
      return fallback;
    }
  };
  return {
    get length() {
      return attempt(() => real.length, 0) + kept.length;
    },
    key(index) {
      const length = attempt(() => real.length, 0);
      return index < length ? attempt(() => real.key(index), null) : kept.key(index - length);
    },
    getItem: (key) => kept.getItem(key) ?? attempt(() => real.getItem(key), null),
    setItem(key, value) {
      try {
        real.setItem(key, value);
        kept.removeItem(key);
      } catch {
        kept.setItem(key, value);
        refused();
      }
    },
    removeItem(key) {
      kept.removeItem(key);
      attempt(() => real.removeItem(key), undefined);
    },
    clear() {
      kept.clear();
      attempt(() => real.clear(), undefined);
    },
  };
}
