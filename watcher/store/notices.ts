// Notices (each recorded once, by key) and their delivery to each channel, with retries. API text is
// sanitised before it is stored, and again whenever a notice is read (rows an older watcher wrote).
import type Database from 'better-sqlite3';
import { sanitiseUntrustedText } from '../../src/lib/format/untrusted-text.ts';
import { sanitiseNotice, type Notice } from '../notice.ts';

/** Notices are offered for (re)delivery this long after they were recorded. */
export const PENDING_WINDOW_MS = 24 * 60 * 60 * 1000;

export type DeliveryResult = { ok: boolean; attempts: number; error?: string; at: number };
export type Delivery = {
  channel: string;
  ok: boolean;
  attempts: number;
  error: string | null;
  at: number;
};
export type PendingDelivery = { notice: Notice; channel: string; attempts: number };

export type NoticesStore = {
  /** Records a new notice; false (and nothing changes) when one with its key exists. */
  record(notice: Notice): boolean;
  /**
   * Records a delivery try of a recorded notice to a channel: one row per (notice, channel). A retry
   * adds its attempts to the row's; once ok, the row stays ok. Throws for an unknown notice key.
   */
  recordDelivery(noticeKey: string, channel: string, result: DeliveryResult): void;
  /** For each notice of the last 24 h (oldest first), each channel in `channels` not yet ok. */
  pendingFor(channels: readonly string[]): PendingDelivery[];
  /** The newest notices with their deliveries (by channel name), sanitised for any output. */
  recent(limit: number): { notice: Notice; deliveries: Delivery[] }[];
  /** Failed deliveries per channel (rows not ok, last tried at or after `sinceMs`). */
  channelFailures(sinceMs: number): Map<string, number>;
  /** Deletes notices (and their deliveries) recorded before `olderThanMs`. */
  prune(olderThanMs: number): number;
};

type RecentRow = { id: number; json: string; channel: string | null } & Record<
  'ok' | 'attempts' | 'at',
  number
> & { error: string | null };

export function noticesStore(db: Database.Database, now: () => number): NoticesStore {
  const insert = db.prepare<[string, string | null, string, number, string]>(
    `INSERT INTO notices (key, integration, kind, recorded_at, json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO NOTHING`,
  );
  const idOf = db.prepare<[string], { id: number }>('SELECT id FROM notices WHERE key = ?');
  const deliver = db.prepare<[number, string, number, number, string | null, number]>(
    `INSERT INTO deliveries (notice_id, channel, ok, attempts, error, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (notice_id, channel) DO UPDATE SET ok = MAX(ok, excluded.ok),
       attempts = attempts + excluded.attempts, at = excluded.at,
       error = CASE WHEN ok = 1 OR excluded.ok = 1 THEN NULL ELSE excluded.error END`,
  );
  const pending = db.prepare<[string, number], { json: string; channel: string; attempts: number }>(
    `SELECT n.json, c.value AS channel, COALESCE(d.attempts, 0) AS attempts
     FROM notices n CROSS JOIN json_each(?) c
     LEFT JOIN deliveries d ON d.notice_id = n.id AND d.channel = c.value
     WHERE n.recorded_at >= ? AND COALESCE(d.ok, 0) = 0
     ORDER BY n.recorded_at, n.id, c.key`,
  );
  const recent = db.prepare<[number], RecentRow>(
    `SELECT n.id, n.json, d.channel, d.ok, d.attempts, d.error, d.at
     FROM (SELECT id, json, recorded_at FROM notices ORDER BY recorded_at DESC, id DESC LIMIT ?) n
     LEFT JOIN deliveries d ON d.notice_id = n.id
     ORDER BY n.recorded_at DESC, n.id DESC, d.channel`,
  );
  const failures = db.prepare<[number], { channel: string; n: number }>(
    `SELECT channel, COUNT(*) AS n FROM deliveries WHERE ok = 0 AND at >= ?
     GROUP BY channel ORDER BY channel`,
  );
  const prune = db.prepare<[number]>('DELETE FROM notices WHERE recorded_at < ?');

  return {
    record(notice) {
      const json = JSON.stringify(sanitiseNotice(notice));
      return insert.run(notice.key, notice.integration, notice.kind, now(), json).changes === 1;
    },
    recordDelivery(noticeKey, channel, result) {
      const id = idOf.get(noticeKey)?.id;
      if (id === undefined) throw new Error(`No notice with the key "${noticeKey}" is recorded.`);
      const { ok, attempts, error, at } = result;
      // An ok row keeps its note too: `muted` says it was held back on purpose, not sent.
      deliver.run(id, channel, ok ? 1 : 0, attempts, error ?? null, at);
    },
    pendingFor(channels) {
      if (channels.length === 0) return [];
      return pending.all(JSON.stringify(channels), now() - PENDING_WINDOW_MS).map((row) => ({
        notice: sanitiseNotice(JSON.parse(row.json) as Notice),
        channel: row.channel,
        attempts: row.attempts,
      }));
    },
    recent(limit) {
      const byId = new Map<number, { notice: Notice; deliveries: Delivery[] }>();
      for (const row of recent.all(limit)) {
        let entry = byId.get(row.id);
        if (!entry) {
          entry = { notice: sanitiseNotice(JSON.parse(row.json) as Notice), deliveries: [] };
          byId.set(row.id, entry);
        }
        if (row.channel === null) continue;
        const { attempts, at } = row;
        const channel = sanitiseUntrustedText(row.channel);
        const error = row.error === null ? null : sanitiseUntrustedText(row.error);
        entry.deliveries.push({ channel, ok: row.ok === 1, attempts, error, at });
      }
      return [...byId.values()];
    },
    channelFailures: (sinceMs) => new Map(failures.all(sinceMs).map((r) => [r.channel, r.n])),
    prune: (olderThanMs) => prune.run(olderThanMs).changes,
  };
}
