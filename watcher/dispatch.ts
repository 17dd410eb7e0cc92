// Sends what the store holds undelivered: each notice to the channels its rules name, held during
// quiet hours, skipped for muted integrations, several at once as one digest, each channel on its
// own (a channel that keeps failing never blocks the others).
import type { WatcherConfig } from './config.ts';
import type { Notice } from './notice.ts';
import { isMuted, routesOf, sendableNow, type Mute } from './routing.ts';
import { plural } from '../src/lib/format/plural.ts';

export type DeliveryResult = { ok: boolean; attempts: number; error?: string; lastStatus?: number };

export type DispatchStore = {
  record(notice: Notice): boolean;
  recordDelivery(
    noticeKey: string,
    channel: string,
    result: { ok: boolean; attempts: number; error?: string; at: number },
  ): void;
  pendingFor(channels: string[]): { notice: Notice; channel: string; attempts: number }[];
};

export type DispatchDeps = {
  config: Pick<WatcherConfig, 'rules' | 'channels' | 'digestThreshold'>;
  store: DispatchStore;
  mutes: () => Mute[];
  send: (channel: string, notice: Notice) => Promise<DeliveryResult>;
  now: () => number;
  onResult?: (channel: string, notice: Notice, result: DeliveryResult) => void;
};

/** Delivery attempts (each one deliver() with its own backoff) before a notice is given up. */
export const MAX_ATTEMPTS = 15;

function digestOf(channel: string, items: Notice[], now: number): Notice {
  const integrations = new Set(items.map((n) => n.integrationName ?? n.integration));
  return {
    key: `digest|${channel}|${new Date(now).toISOString()}`,
    kind: 'digest',
    severity: items.some((n) => n.severity === 'problem') ? 'problem' : 'recovery',
    integration: null,
    integrationName: null,
    activity: null,
    title: `${items.length} changes in ${plural(integrations.size, 'integration')}`,
    text: items.map((n) => `${n.title}: ${n.text}`).join('\n'),
    since: null,
    link: items[0]?.link ?? '',
    createdAt: new Date(now).toISOString(),
    items,
  };
}

export async function dispatch(deps: DispatchDeps): Promise<void> {
  const { config, store, now } = deps;
  const channels = config.channels.map((c) => c.name);
  const at = now();
  const byChannel = new Map<string, Notice[]>();
  for (const { notice, channel, attempts } of store.pendingFor(channels)) {
    if (attempts >= MAX_ATTEMPTS || notice.kind === 'digest') continue;
    if (!routesOf(notice, config).includes(channel)) continue;
    if (isMuted(notice, deps.mutes(), at)) {
      store.recordDelivery(notice.key, channel, { ok: true, attempts: 0, error: 'muted', at });
      continue;
    }
    if (!sendableNow(notice, config, at).includes(channel)) continue; // quiet hours: later
    byChannel.set(channel, [...(byChannel.get(channel) ?? []), notice]);
  }
  await Promise.all(
    [...byChannel].map(async ([channel, notices]) => {
      if (notices.length > config.digestThreshold) {
        const digest = digestOf(channel, notices, at);
        store.record(digest);
        const result = await deps.send(channel, digest);
        store.recordDelivery(digest.key, channel, { ...result, at: now() });
        deps.onResult?.(channel, digest, result);
        for (const item of notices)
          store.recordDelivery(item.key, channel, {
            ok: result.ok,
            attempts: result.ok ? 0 : MAX_ATTEMPTS,
            error: result.ok ? `in ${digest.key}` : `digest failed: ${result.error ?? ''}`,
            at: now(),
          });
        return;
      }
      for (const notice of notices) {
        const result = await deps.send(channel, notice);
        // The store adds these attempts to the ones recorded before.
        store.recordDelivery(notice.key, channel, { ...result, at: now() });
        deps.onResult?.(channel, notice, result);
      }
    }),
  );
}
