// Mutes set with `--mute`, kept in the store's meta table: written by the CLI (beside a running
// watcher or not), read by the watcher at every dispatch round.
import type { Mute } from '../routing.ts';
import type { MetaStore } from './meta.ts';

const MUTES_KEY = 'mutes';

function parseMutes(json: string | null): Mute[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (m): m is Mute =>
      typeof m === 'object' &&
      m !== null &&
      typeof (m as Mute).integration === 'string' &&
      Number.isFinite((m as Mute).until),
  );
}

export function storedMutes(store: { meta: MetaStore }): Mute[] {
  return parseMutes(store.meta.get(MUTES_KEY));
}

/** Adds a mute, dropping the ones that ended before `now`, in one write transaction. */
export function addMute(meta: MetaStore, mute: Mute, now: number): void {
  meta.update(MUTES_KEY, (current) =>
    JSON.stringify([...parseMutes(current).filter((m) => m.until > now), mute]),
  );
}
