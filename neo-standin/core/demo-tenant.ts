// The demo MSP tenant: which integrations it has, and a deterministic run feed for each syncing one.
import { DEMO_TENANT_ID } from '../../local-idp/settings.ts';
import { HOUR, MINUTE } from './clock.ts';
import { isKnownIntegration, type IntegrationSlug } from '../../src/lib/integrations/catalog.ts';
import { CONNECTED_WITHOUT_SYNC, everyProfile, SYNCING_PROFILES } from './profiles/catalog.ts';
import { createRunFeed, type FeedQuery, type RunFeed, type RunPage } from './run-feed.ts';

export const DEFAULT_SEED = 'neo-standin-demo';
export const DEFAULT_HISTORY_DAYS = 35;

export type DemoTenantOptions = {
  seed?: string;
  /**
   * The tenant's "today": scenarios (HaloPSA's failure onset, Datto's stuck run, the start of
   * history) are placed relative to it, so they stay put while the clock moves on.
   * Default: the current time rounded down to the hour.
   */
  referenceTime?: number;
  historyDays?: number;
  /** One cadence for every integration (benchmarks); default: each integration's own. */
  cadenceMinutes?: number | null;
  tenantId?: string;
  /** Every known integration syncs, the others with a profile of their kind (a busy tenant). */
  everyIntegrationSyncs?: boolean;
};

export type IntegrationAvailability = 'syncing' | 'not_connected' | 'does_not_sync' | 'unknown';

export type DemoTenant = {
  readonly id: string;
  readonly seed: string;
  readonly referenceTime: number;
  readonly historyDays: number;
  availability(name: string): IntegrationAvailability;
  /** The run feed of a syncing integration, else undefined. */
  feed(name: string): RunFeed | undefined;
  /** One page, newest first; see FeedQuery. Throws for an integration that does not sync. */
  listRuns(name: string, query: FeedQuery): RunPage;
};

export function createDemoTenant(options: DemoTenantOptions = {}): DemoTenant {
  const seed = options.seed ?? DEFAULT_SEED;
  const referenceTime = options.referenceTime ?? Math.floor(Date.now() / HOUR) * HOUR;
  const historyDays = options.historyDays ?? DEFAULT_HISTORY_DAYS;
  const tenantId = options.tenantId ?? DEMO_TENANT_ID;
  const feeds = new Map<string, RunFeed>();
  const profiles = options.everyIntegrationSyncs ? everyProfile() : SYNCING_PROFILES;
  for (const [slug, profile] of Object.entries(profiles)) {
    if (!profile) continue;
    const minutes = options.cadenceMinutes ?? profile.cadenceMinutes;
    feeds.set(
      slug,
      createRunFeed({
        seed,
        slug,
        tenantId,
        cadenceMs: minutes * MINUTE,
        referenceTime,
        historyDays,
        createPlanner: profile.createPlanner,
      }),
    );
  }

  function availability(name: string): IntegrationAvailability {
    if (!isKnownIntegration(name)) return 'unknown';
    if (feeds.has(name)) return 'syncing';
    return CONNECTED_WITHOUT_SYNC.includes(name as IntegrationSlug)
      ? 'does_not_sync'
      : 'not_connected';
  }

  return {
    id: tenantId,
    seed,
    referenceTime,
    historyDays,
    availability,
    feed: (name) => feeds.get(name),
    listRuns(name, query) {
      const feed = feeds.get(name);
      if (!feed) throw new Error(`${name} has no scheduled syncs in the demo tenant`);
      return feed.page(query);
    },
  };
}
