// RMM integrations of the demo tenant: NinjaOne with intermittent rate limits, Datto RMM stuck,
// N-central healthy but about ten times slower since yesterday.
import { HOUR, SECOND } from '../clock.ts';
import { between, chance, intBetween } from '../random.ts';
import type { SyncEntityFailure } from '../types.ts';
import {
  finishedPlan,
  profileWithOnset,
  runActivities,
  runActivity,
  runDuration,
  skippedPlan,
  type ActivitySpec,
  type IntegrationProfile,
  type RunPlan,
  type TenantTime,
} from './plan.ts';

const NINJA_ORGS: ActivitySpec = {
  label: 'RMM Organizations',
  total: 64,
  perDay: 0.05,
  maxDelta: 2,
};
const NINJA_DEVICES: ActivitySpec = {
  label: 'RMM Devices',
  total: 1870,
  perDay: 1.2,
  maxDelta: 35,
};
const NINJA_MAPPING: ActivitySpec = {
  label: 'Device Mapping',
  total: 1870,
  perDay: 1.2,
  maxDelta: 20,
};

/** The one NinjaOne organisation nobody has mapped to a PSA company yet. */
export const UNMAPPED_ORGANIZATION = 'Fabrikam Dental Group';

function rateLimited(retryAfterS: number): SyncEntityFailure {
  return {
    resource_label: 'Devices',
    parent_label: null,
    reason: 'rate_limited',
    error_message: `429 Too Many Requests from NinjaOne GET /v2/devices-detailed (Retry-After: ${retryAfterS} s)`,
  };
}

function unmapped(devices: number): SyncEntityFailure {
  return {
    resource_label: 'Devices',
    parent_label: `Organization: ${UNMAPPED_ORGANIZATION}`,
    reason: 'unmapped_company',
    error_message: `${devices} devices in NinjaOne organization '${UNMAPPED_ORGANIZATION}' have no matching PSA company`,
  };
}

export const ninjaone: IntegrationProfile = {
  cadenceMinutes: 30,
  createPlanner: (env) => (ctx) => {
    const limited = chance(ctx.rng, 0.15);
    const retryAfterS = intBetween(ctx.rng, 20, 120);
    const unmappedDevices = chance(ctx.rng, 0.25) ? intBetween(ctx.rng, 12, 16) : 0;
    const devices = runActivity(ctx, env, NINJA_DEVICES, limited ? [rateLimited(retryAfterS)] : []);
    if (limited) devices.synced_count = Math.floor(devices.synced_count * 0.4);
    const activities = [
      runActivity(ctx, env, NINJA_ORGS),
      devices,
      runActivity(ctx, env, NINJA_MAPPING, unmappedDevices ? [unmapped(unmappedDevices)] : []),
    ];
    const duration = runDuration(ctx, env, [20, 90]);
    if (limited)
      return finishedPlan(activities, duration, {
        error: `RMM Devices: rate limited by NinjaOne (retry after ${retryAfterS} s)`,
        dashboardMessage: null,
      });
    // An unmapped organisation is a per-resource problem that does not fail the run.
    const plan = finishedPlan(activities, duration);
    if (unmappedDevices)
      plan.dashboardMessage = `${unmappedDevices} devices could not be mapped to a PSA company`;
    return plan;
  },
};

const DATTO: ActivitySpec[] = [
  { label: 'RMM Organizations', total: 41, perDay: 0.03, maxDelta: 2 },
  { label: 'RMM Devices', total: 1120, perDay: 0.8, maxDelta: 25 },
  { label: 'Device Mapping', total: 1120, perDay: 0.8, maxDelta: 15 },
];

/** The slot whose worker hung: the one scheduled closest to nine hours before the tenant's "today". */
export function dattoStuckSlot(env: {
  referenceTime: number;
  anchorMs: number;
  cadenceMs: number;
}): number {
  return Math.round((env.referenceTime - 9 * HOUR - env.anchorMs) / env.cadenceMs);
}

export const SKIPPED_STILL_RUNNING = 'Skipped: a previous sync is still running';

export const datto_rmm: IntegrationProfile = {
  cadenceMinutes: 60,
  createPlanner: (env) => {
    const stuck = dattoStuckSlot(env);
    return (ctx): RunPlan => {
      if (ctx.slot > stuck) {
        const duration = Math.round(between(ctx.rng, 0.2, 1.5) * SECOND);
        // Some skips are decided by the scheduler before a run starts: stored without started_at.
        const hasStartTime = !chance(ctx.rng, 0.4);
        return skippedPlan(SKIPPED_STILL_RUNNING, duration, {
          hasStartTime,
          hasTemporalIds: false,
        });
      }
      const activities = runActivities(ctx, env, DATTO);
      if (ctx.slot === stuck)
        return {
          status: 'RUNNING',
          durationMs: null,
          activities: activities.slice(0, 1),
          error: null,
          dashboardMessage: null,
          hasStartTime: true,
          hasTemporalIds: true,
        };
      return finishedPlan(activities, runDuration(ctx, env, [60, 240]));
    };
  },
};

const N_CENTRAL: ActivitySpec[] = [
  { label: 'RMM Organizations', total: 57, perDay: 0.04, maxDelta: 2 },
  { label: 'RMM Devices', total: 2480, perDay: 1.5, maxDelta: 30 },
  { label: 'Device Mapping', total: 2480, perDay: 1.5, maxDelta: 18 },
];

/** When N-central's runs slowed down (a throttled API): about 30 hours before the tenant's "today". */
export function nCentralSlowdownOnset(env: TenantTime): number {
  return env.referenceTime - 30 * HOUR;
}

/** Every run succeeds; from the onset on, each takes about ten times as long as before. */
export const n_central = profileWithOnset(30, nCentralSlowdownOnset, (ctx, env, slow) => {
  const activities = runActivities(ctx, env, N_CENTRAL);
  const usual = runDuration(ctx, env, [40, 100]);
  const factor = between(ctx.rng, 8, 12);
  const duration = slow ? Math.min(Math.round(usual * factor), env.cadenceMs * 0.8) : usual;
  return finishedPlan(activities, duration);
});
