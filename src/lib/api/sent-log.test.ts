import { describe, expect, it } from 'vitest';
import { sessionSentLog } from './sent-log';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('sessionSentLog', () => {
  it('keeps the send times as the page is left, for the next page of this tab', () => {
    const storage = memoryStorage();
    const page = new EventTarget();
    const times = [1_000, 2_000];
    sessionSentLog('https://api.example.test', storage, page).remember(() => times);
    expect(sessionSentLog('https://api.example.test', storage, page).load()).toEqual([]);
    times.push(3_000);
    page.dispatchEvent(new Event('pagehide'));
    const next = sessionSentLog('https://api.example.test', storage, new EventTarget());
    expect(next.load()).toEqual([1_000, 2_000, 3_000]);
    // Another API is another budget.
    expect(sessionSentLog('https://other.example.test', storage).load()).toEqual([]);
    // Times only: nothing else is written.
    expect([...Array(storage.length).keys()].map((i) => storage.getItem(storage.key(i)!))).toEqual([
      '[1000,2000,3000]',
    ]);
  });

  it('writes once per page left, what the client created last remembers', () => {
    const storage = memoryStorage();
    let writes = 0;
    const counted: Storage = Object.assign(Object.create(storage) as Storage, {
      setItem: (key: string, value: string) => {
        writes += 1;
        storage.setItem(key, value);
      },
    });
    const page = new EventTarget();
    // A new session in the same page (another account, a new token source) makes a new client.
    sessionSentLog('https://api.example.test', counted, page).remember(() => [1_000]);
    sessionSentLog('https://api.example.test', counted, page).remember(() => [1_000, 2_000]);
    page.dispatchEvent(new Event('pagehide'));
    expect(writes).toBe(1);
    expect(sessionSentLog('https://api.example.test', storage).load()).toEqual([1_000, 2_000]);
  });

  it('reads nothing from a damaged entry instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem('sync-runs.sent-times:https://api.example.test', '{not json');
    expect(sessionSentLog('https://api.example.test', storage).load()).toEqual([]);
    storage.setItem('sync-runs.sent-times:https://api.example.test', '[1, "x", null, 2]');
    expect(sessionSentLog('https://api.example.test', storage).load()).toEqual([1, 2]);
  });
});
