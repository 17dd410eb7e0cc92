import { describe, expect, it } from 'vitest';
import { parseWatcherConfig } from './config.ts';
import { dispatch, type DispatchDeps, type DispatchStore } from './dispatch.ts';
import type { Notice } from './notice.ts';
import { inQuietHours, routesOf, sendableNow } from './routing.ts';
import { makeNotice } from './test-support.ts';

const config = parseWatcherConfig(
  JSON.stringify({
    neo: { apiBaseUrl: 'https://api.neo.example' },
    dashboardUrl: 'https://dash.example',
    integrations: ['connectwise', 'halopsa'],
    channels: [
      { name: 'ops', type: 'slack', urlEnv: 'OPS_URL' },
      { name: 'night', type: 'teams', urlEnv: 'NIGHT_URL' },
    ],
    rules: [
      { channels: ['ops'], integrations: ['halopsa'], kinds: ['health', 'recovery'] },
      {
        channels: ['night'],
        quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' },
      },
    ],
    digestThreshold: 2,
  }),
  'test.json',
);

const notice = (key: string, overrides: Partial<Notice> = {}) => makeNotice({ key, ...overrides });

const NOON_BERLIN = Date.parse('2026-11-28T11:00:00Z');
const MIDNIGHT_BERLIN = Date.parse('2026-11-28T23:30:00Z');

describe('routing', () => {
  it('sends by integration and kind of change', () => {
    expect(routesOf(notice('a'), config)).toEqual(['ops', 'night']);
    expect(routesOf(notice('b', { integration: 'connectwise' }), config)).toEqual(['night']);
    expect(routesOf(notice('c', { kind: 'signature-opened' }), config)).toEqual(['night']);
    expect(routesOf(notice('d', { kind: 'health-recovered' }), config)).toEqual(['ops', 'night']);
  });

  it('holds a channel during its quiet hours, across midnight, in its own time zone', () => {
    const rule = config.rules[1]!;
    expect(inQuietHours(rule, NOON_BERLIN)).toBe(false);
    expect(inQuietHours(rule, MIDNIGHT_BERLIN)).toBe(true);
    expect(inQuietHours(rule, Date.parse('2026-11-28T06:30:00Z'))).toBe(false); // 07:30 in Berlin
    expect(sendableNow(notice('a'), config, MIDNIGHT_BERLIN)).toEqual(['ops']);
  });
});

function memory(notices: Notice[]): DispatchStore & {
  deliveries: Map<string, { ok: boolean; attempts: number; error?: string }>;
} {
  const deliveries = new Map<string, { ok: boolean; attempts: number; error?: string }>();
  const all = [...notices];
  return {
    deliveries,
    record: (n) => (all.push(n), true),
    // As the store does: attempts add up, an ok delivery stays ok.
    recordDelivery: (key, channel, result) => {
      const before = deliveries.get(`${key}>${channel}`);
      deliveries.set(`${key}>${channel}`, {
        ...result,
        attempts: (before?.attempts ?? 0) + result.attempts,
      });
    },
    pendingFor: (channels) =>
      all.flatMap((n) =>
        channels
          .filter((c) => !deliveries.get(`${n.key}>${c}`)?.ok)
          .map((c) => ({
            notice: n,
            channel: c,
            attempts: deliveries.get(`${n.key}>${c}`)?.attempts ?? 0,
          })),
      ),
  };
}

/** What dispatch needs: this file's config, no mutes, noon in Berlin, and `send`; `more` on top. */
function dispatchDeps(
  store: DispatchStore,
  send: DispatchDeps['send'],
  more: Partial<DispatchDeps> = {},
): DispatchDeps {
  return { config, store, mutes: () => [], now: () => NOON_BERLIN, send, ...more };
}

describe('dispatch', () => {
  it('sends each notice once per routed channel; later dispatches send nothing again', async () => {
    const store = memory([notice('a')]);
    const sent: string[] = [];
    const deps = dispatchDeps(
      store,
      async (channel, n) => (sent.push(`${channel}:${n.key}`), { ok: true, attempts: 1 }),
    );
    await dispatch(deps);
    await dispatch(deps);
    expect(sent.sort()).toEqual(['night:a', 'ops:a']);
  });

  it('retries a failing channel on the next dispatch without holding the others back', async () => {
    const store = memory([notice('a')]);
    let opsUp = false;
    const sent: string[] = [];
    const deps = dispatchDeps(store, async (channel, n) => {
      if (channel === 'ops' && !opsUp) return { ok: false, attempts: 5, error: 'ops: HTTP 503' };
      sent.push(`${channel}:${n.key}`);
      return { ok: true, attempts: 1 };
    });
    await dispatch(deps);
    expect(sent).toEqual(['night:a']);
    expect(store.deliveries.get('a>ops')).toMatchObject({ ok: false, attempts: 5 });
    opsUp = true;
    await dispatch(deps);
    expect(sent).toEqual(['night:a', 'ops:a']);
    expect(store.deliveries.get('a>ops')).toMatchObject({ ok: true, attempts: 6 });
  });

  it('holds notices through quiet hours and sends many as one digest', async () => {
    const store = memory([
      notice('a', { integration: 'connectwise' }),
      notice('b', { integration: 'connectwise', kind: 'signature-opened' }),
      notice('c', { integration: 'connectwise', kind: 'anomaly-opened' }),
    ]);
    const sent: Notice[] = [];
    let now = MIDNIGHT_BERLIN;
    const deps = dispatchDeps(store, async (_, n) => (sent.push(n), { ok: true, attempts: 1 }), {
      now: () => now,
    });
    await dispatch(deps);
    expect(sent).toEqual([]);
    now = NOON_BERLIN + 86_400_000;
    await dispatch(deps);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'digest', title: '3 changes in 1 integration' });
    expect(sent[0]!.items.map((n) => n.key)).toEqual(['a', 'b', 'c']);
    await dispatch(deps);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing for a muted integration, then or later', async () => {
    const store = memory([notice('a')]);
    const sent: string[] = [];
    const deps = dispatchDeps(
      store,
      async (channel) => (sent.push(channel), { ok: true, attempts: 1 }),
      {
        mutes: () => [{ integration: 'halopsa', until: NOON_BERLIN + 3_600_000 }],
      },
    );
    await dispatch(deps);
    await dispatch({ ...deps, mutes: () => [] });
    expect(sent).toEqual([]);
  });
});
