// What the watcher knows about itself, for /healthz, /readyz and the logs: per integration the last
// poll and its error, per channel its recent failures.

export type IntegrationStatus = {
  lastPollAt: string | null;
  lastOkAt: string | null;
  consecutiveFailures: number;
  lastError: { code: string; message: string } | null;
  nextPollAt: string | null;
  runs: number;
  health: string | null;
};

export type ChannelStatus = { failuresLastDay: number; lastError: string | null };

export type WatcherStatus = {
  startedAt: string;
  ready: boolean;
  shuttingDown: boolean;
  integrations: Record<string, IntegrationStatus>;
  channels: Record<string, ChannelStatus>;
};

/** Degraded: the API has failed three polls in a row somewhere, or a channel keeps failing. */
export function overall(status: WatcherStatus): 'ok' | 'degraded' {
  const apiDown = Object.values(status.integrations).some((i) => i.consecutiveFailures >= 3);
  const channelDown = Object.values(status.channels).some((c) => c.failuresLastDay >= 3);
  return apiDown || channelDown ? 'degraded' : 'ok';
}
