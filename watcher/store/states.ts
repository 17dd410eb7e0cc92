// The last known state of each subject of an integration ("health", "sig:<id>", "anomaly:<id>").
import type Database from 'better-sqlite3';

export type StatesStore = {
  /** Subject key → its stored JSON value. */
  get(integration: string): Map<string, unknown>;
  set(integration: string, subject: string, value: unknown): void;
  delete(integration: string, subject: string): void;
  /** Makes `entries` the integration's whole state, in one transaction. */
  replaceAll(integration: string, entries: ReadonlyMap<string, unknown>): void;
};

function toJson(subject: string, value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError(`The state of "${subject}" is not a JSON value.`);
  return json;
}

export function statesStore(db: Database.Database, now: () => number): StatesStore {
  const select = db.prepare<[string], { subject: string; json: string }>(
    'SELECT subject, json FROM states WHERE integration = ? ORDER BY subject',
  );
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO states (integration, subject, json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (integration, subject) DO UPDATE SET json = excluded.json,
       updated_at = excluded.updated_at`,
  );
  const deleteOne = db.prepare<[string, string]>(
    'DELETE FROM states WHERE integration = ? AND subject = ?',
  );
  const deleteAll = db.prepare<[string]>('DELETE FROM states WHERE integration = ?');
  const replaceAll = db.transaction(
    (integration: string, entries: ReadonlyMap<string, unknown>) => {
      const at = now();
      const rows = [...entries].map(
        ([subject, value]) => [subject, toJson(subject, value)] as const,
      );
      deleteAll.run(integration);
      for (const [subject, json] of rows) upsert.run(integration, subject, json, at);
    },
  );

  return {
    get: (integration) =>
      new Map(select.all(integration).map((row) => [row.subject, JSON.parse(row.json)])),
    set: (integration, subject, value) =>
      void upsert.run(integration, subject, toJson(subject, value), now()),
    delete: (integration, subject) => void deleteOne.run(integration, subject),
    replaceAll: (integration, entries) => replaceAll(integration, entries),
  };
}
