// Hostile API text where notices are kept and shown: what the store holds, /notices, and --history
// (also rows an older watcher stored unsanitised, and answers from an older watcher's /notices).
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileNotices, problemsIn } from './channels/hostile-corpus.ts';
import { formatHistory } from './history.ts';
import { createMetrics } from './ops/metrics.ts';
import { startOpsServer } from './ops/http.ts';
import { openStore } from './store/store.ts';
import { T0, tempDbFile } from './store/test-support.ts';
import { runWatcherCli, writeWatcherConfig } from './test-support.ts';

const { notices, digest } = hostileNotices();
const LINK = notices[0]!.link;
const ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/; // eslint-disable-line no-control-regex

/** A database holding the corpus as an older watcher stored it: raw, unsanitised. */
function databaseWithRawRows(): string {
  const file = tempDbFile();
  openStore(file, { now: () => T0 }).close();
  const db = new Database(file);
  const insert = db.prepare(
    'INSERT INTO notices (key, integration, kind, recorded_at, json) VALUES (?, ?, ?, ?, ?)',
  );
  [...notices, digest].forEach((notice, i) => {
    const { lastInsertRowid } = insert.run(
      notice.key,
      null,
      notice.kind,
      T0 + i,
      JSON.stringify(notice),
    );
    db.prepare(
      'INSERT INTO deliveries (notice_id, channel, ok, attempts, error, at) VALUES (?, ?, 0, 2, ?, ?)',
    ).run(lastInsertRowid, 'hooks', `failed: ${notice.text}`, T0);
  });
  db.close();
  return file;
}

describe('stored notices', () => {
  it('are stored sanitised: the file holds no credential, escape or planted link', () => {
    const file = tempDbFile();
    const store = openStore(file, { now: () => T0 });
    for (const notice of [...notices, digest]) expect(store.notices.record(notice)).toBe(true);
    store.close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare<[], { json: string }>('SELECT json FROM notices').all();
    db.close();
    expect(rows).toHaveLength(notices.length + 1);
    for (const { json } of rows) expect(problemsIn(json, [LINK])).toEqual([]);
  });

  it('are sanitised again when read, also rows an older watcher stored raw', () => {
    const store = openStore(databaseWithRawRows(), { now: () => T0 });
    const recent = store.notices.recent(50);
    const pending = store.notices.pendingFor(['hooks']);
    store.close();
    expect(recent).toHaveLength(notices.length + 1);
    expect(problemsIn(JSON.stringify(recent), [LINK])).toEqual([]);
    expect(problemsIn(JSON.stringify(pending), [LINK])).toEqual([]);
    expect(recent.at(-1)!.notice.text).toContain('401 Unauthorized for Bearer [redacted]');
  });
});

describe('/notices', () => {
  it('serves the history sanitised, as main.ts wires it to the store', async () => {
    const store = openStore(databaseWithRawRows(), { now: () => T0 });
    const ops = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      status: () => ({
        startedAt: '',
        ready: true,
        shuttingDown: false,
        integrations: {},
        channels: {},
      }),
      registry: createMetrics().registry,
      history: (limit) => store.notices.recent(limit),
    });
    try {
      const body = await (await fetch(`${ops.url}/notices?limit=50`)).text();
      expect(JSON.parse(body)).toHaveLength(notices.length + 1);
      expect(problemsIn(body, [LINK])).toEqual([]);
    } finally {
      await ops.close();
      store.close();
    }
  });
});

describe('--history', () => {
  it('prints three plain lines per notice, even from an older watcher’s raw answer', () => {
    const raw = [...notices, digest].map((notice) => ({
      notice,
      deliveries: [{ channel: '\x1b[2Jhooks', ok: false, attempts: 2, error: notice.text, at: 0 }],
    }));
    const printed = formatHistory(raw);
    expect(printed.split('\n')).toHaveLength(3 * raw.length);
    expect(problemsIn(printed, [LINK])).toEqual([]);
    expect(printed).not.toMatch(ESCAPES);
    expect(printed).toContain(`    ${LINK}`);
    expect(formatHistory([{ notice: { ...notices[0], link: 'javascript:alert(1)' } }])).toMatch(
      /\n {4}$/,
    );
  });

  it('npm run watch -- --history prints the stored corpus without an escape or credential', async () => {
    const database = databaseWithRawRows();
    const config = writeWatcherConfig(path.join(path.dirname(database), 'watcher.config.yaml'), {
      apiBaseUrl: 'http://127.0.0.1:1',
      database,
      integrations: ['halopsa'],
    });
    const {
      code,
      out: printed,
      stdout: out,
    } = await runWatcherCli(['--config', config, '--history', '50'], {
      NEO_API_KEY: 'neo_sk_test_historyhistory01',
      HOOK_URL: 'https://hooks.example/x',
      HOOK_SECRET: 'a-shared-secret-long-enough-for-the-check',
    });
    expect(code, printed).toBe(0);
    expect(out.trimEnd().split('\n')).toHaveLength(3 * (notices.length + 1));
    expect(problemsIn(out, [LINK])).toEqual([]);
    expect(out).not.toMatch(ESCAPES);
    expect(out).toContain('401 Unauthorized for Bearer [redacted]');
  });
});

describe('--history of a muted notice', () => {
  it('says it was muted, not sent', () => {
    const store = openStore(tempDbFile(), { now: () => T0 });
    const [notice] = notices;
    store.notices.record(notice!);
    store.notices.recordDelivery(notice!.key, 'ops', {
      ok: true,
      attempts: 0,
      error: 'muted',
      at: T0,
    });
    store.notices.recordDelivery(notice!.key, 'mail', { ok: true, attempts: 1, at: T0 });
    const printed = formatHistory(store.notices.recent(5));
    store.close();
    expect(printed.split('\n')[0]).toMatch(/\[ops:muted mail:sent\]$|\[mail:sent ops:muted\]$/);
  });
});
