// The runs window per integration: the last runs fetched from Neo, kept as their JSON.
import type Database from 'better-sqlite3';
import type { SyncRun } from '../../src/lib/api/schemas.ts';

/** Runs without a start time are kept this long after they were last seen. */
export const UNSTARTED_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

export type RunsStore = {
  /** Inserts or replaces each run by (integration, run_id); a finished copy replaces a RUNNING one. */
  upsert(integration: string, runs: readonly SyncRun[]): void;
  /** Runs started at or after `sinceMs`, newest start first; runs without a start time last. */
  list(integration: string, sinceMs: number): SyncRun[];
  /** Deletes runs started before `olderThanMs`, and start-less runs not seen for 30 days. */
  prune(integration: string, olderThanMs: number): number;
  /** The latest start time stored, in ms; null when no stored run has one. */
  newestStart(integration: string): number | null;
  /** The stored runs whose status is RUNNING, ordered as `list`. */
  running(integration: string): SyncRun[];
  count(integration: string): number;
};

/** A run's start in ms, or null when missing or unreadable. */
export function startMs(run: SyncRun): number | null {
  if (run.started_at == null) return null;
  const ms = Date.parse(run.started_at);
  return Number.isFinite(ms) ? ms : null;
}

const ORDER = 'ORDER BY started_ms IS NULL, started_ms DESC, seen_at DESC, run_id DESC';

type JsonRow = { json: string };
const parse = (rows: JsonRow[]) => rows.map((row) => JSON.parse(row.json) as SyncRun);

export function runsStore(db: Database.Database, now: () => number): RunsStore {
  const upsertOne = db.prepare<[string, string, string, number | null, number, string]>(
    `INSERT INTO runs (integration, run_id, status, started_ms, seen_at, json)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (integration, run_id) DO UPDATE SET status = excluded.status,
       started_ms = excluded.started_ms, seen_at = excluded.seen_at, json = excluded.json`,
  );
  const list = db.prepare<[string, number], JsonRow>(
    `SELECT json FROM runs WHERE integration = ? AND (started_ms >= ? OR started_ms IS NULL) ${ORDER}`,
  );
  const prune = db.prepare<[string, number, number]>(
    `DELETE FROM runs WHERE integration = ?
       AND (started_ms < ? OR (started_ms IS NULL AND seen_at < ?))`,
  );
  const newest = db.prepare<[string], { newest: number | null }>(
    'SELECT MAX(started_ms) AS newest FROM runs WHERE integration = ?',
  );
  const running = db.prepare<[string], JsonRow>(
    `SELECT json FROM runs WHERE integration = ? AND status = 'RUNNING' ${ORDER}`,
  );
  const count = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM runs WHERE integration = ?',
  );
  const upsertAll = db.transaction((integration: string, runs: readonly SyncRun[]) => {
    const seenAt = now();
    for (const run of runs) {
      upsertOne.run(integration, run.run_id, run.status, startMs(run), seenAt, JSON.stringify(run));
    }
  });

  return {
    upsert: (integration, runs) => upsertAll(integration, runs),
    list: (integration, sinceMs) => parse(list.all(integration, sinceMs)),
    prune: (integration, olderThanMs) =>
      prune.run(integration, olderThanMs, now() - UNSTARTED_KEEP_MS).changes,
    newestStart: (integration) => newest.get(integration)?.newest ?? null,
    running: (integration) => parse(running.all(integration)),
    count: (integration) => count.get(integration)?.n ?? 0,
  };
}
