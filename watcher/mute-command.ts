// `--mute <integration> <hours>`: checked against the config, written to the store whether or not a
// watcher runs on it (beside a running one, through a short connection that does not take its lock),
// and honoured by the running watcher at its next dispatch round (within 15 seconds).
import { integrationNames, type WatcherConfig } from './config.ts';
import type { Mute } from './routing.ts';
import { addMute } from './store/mutes.ts';
import { openBesideWatcher, openStore, StoreLockedError } from './store/store.ts';

export const MIN_MUTE_HOURS = 1;
export const MAX_MUTE_HOURS = 720;

export const MUTE_HELP = `--mute <integration> <hours>: no notice about that integration is sent for ${MIN_MUTE_HOURS} to ${MAX_MUTE_HOURS} hours,
  also while the watcher runs (it applies the mute at its next round, within 15 seconds). What
  changes meanwhile, problems and recoveries alike, is recorded in the store but dropped: its
  delivery is closed without an attempt and it is not sent when the mute ends. The dashboard
  shows the current state at any time.`;

/** The mute asked for, or why it cannot be set. */
export function parseMute(
  config: Pick<WatcherConfig, 'integrations'>,
  integration: string,
  hoursText: string | undefined,
  now: number,
): { mute: Mute; hours: number } | { problem: string } {
  const names = integrationNames(config);
  if (!names.includes(integration))
    return {
      problem: `No integration named "${integration}" in the config. It watches: ${names.join(', ')}.`,
    };
  const hours = Number(hoursText);
  if (
    hoursText === undefined ||
    !Number.isFinite(hours) ||
    hours < MIN_MUTE_HOURS ||
    hours > MAX_MUTE_HOURS
  )
    return {
      problem: `--mute ${integration} needs a number of hours from ${MIN_MUTE_HOURS} to ${MAX_MUTE_HOURS}, e.g. --mute ${integration} 4${hoursText === undefined ? '' : ` (got "${hoursText}")`}.`,
    };
  return { mute: { integration, until: now + hours * 3_600_000 }, hours };
}

/** Writes the mute; says whether a running watcher holds the store (it applies it at its next round). */
export function writeMute(database: string, mute: Mute, now: number): 'stored' | 'running' {
  try {
    const store = openStore(database);
    try {
      addMute(store.meta, mute, now);
    } finally {
      store.close();
    }
    return 'stored';
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
  }
  const beside = openBesideWatcher(database);
  try {
    addMute(beside.meta, mute, now);
  } finally {
    beside.close();
  }
  return 'running';
}
