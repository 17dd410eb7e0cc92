// PSA integrations of the demo tenant: ConnectWise healthy, HaloPSA with a recurring permission
// failure, ServiceNow whose contacts quietly find nothing while every run succeeds.
import { DAY, HOUR, SECOND } from '../clock.ts';
import { between, chance, createRng, pick } from '../random.ts';
import type { SyncEntityFailure } from '../types.ts';
import {
  finishedPlan,
  profileWithOnset,
  runActivities,
  runDuration,
  skippedPlan,
  type ActivitySpec,
  type IntegrationProfile,
  type TenantTime,
} from './plan.ts';

const CONNECTWISE: ActivitySpec[] = [
  { label: 'PSA Metadata', total: 1240, perDay: 0.2, maxDelta: 25 },
  { label: 'PSA Companies', total: 480, perDay: 0.3, maxDelta: 12 },
  { label: 'PSA Contacts', total: 2100, perDay: 1.5, maxDelta: 40 },
  { label: 'PSA Configurations', total: 3600, perDay: 2, maxDelta: 30 },
  { label: 'PSA Members', total: 38, perDay: 0.02, maxDelta: 3 },
];

const CONNECTWISE_SKIPS = [
  'Skipped: ConnectWise PSA answered 503 Service Unavailable; the next scheduled sync will retry',
  'Skipped: the ConnectWise PSA API member was being re-authorised; the next scheduled sync will retry',
] as const;

export const connectwise: IntegrationProfile = {
  cadenceMinutes: 15,
  createPlanner: (env) => (ctx) => {
    if (chance(ctx.rng, 0.015)) {
      const duration = Math.round(between(ctx.rng, 0.8, 3) * SECOND);
      return skippedPlan(pick(ctx.rng, CONNECTWISE_SKIPS), duration, {
        hasStartTime: true,
        hasTemporalIds: true,
      });
    }
    return finishedPlan(runActivities(ctx, env, CONNECTWISE), runDuration(ctx, env, [45, 150]));
  },
};

const HALOPSA: ActivitySpec[] = [
  { label: 'PSA Metadata', total: 860, perDay: 0.1, maxDelta: 18 },
  { label: 'PSA Companies', total: 312, perDay: 0.2, maxDelta: 8 },
  { label: 'PSA Contacts', total: 1460, perDay: 1.1, maxDelta: 30 },
  { label: 'PSA Configurations', total: 2250, perDay: 1.4, maxDelta: 22 },
  { label: 'PSA Members', total: 24, perDay: 0.01, maxDelta: 2 },
];

const TICKET_TYPES_DENIED: SyncEntityFailure = {
  resource_label: 'Ticket Types',
  parent_label: 'Board: Service Desk (444)',
  reason: 'permission_denied',
  error_message:
    "403 Forbidden: API member 'neo-sync' lacks 'Ticket Types' read access on board 444",
};

/** When HaloPSA started refusing Ticket Types: about four days before the tenant's "today". */
export function halopsaFailureOnset(env: TenantTime): number {
  return env.referenceTime - 4 * DAY - createRng(env.seed, 'halopsa', 'onset')() * 3 * HOUR;
}

export const halopsa = profileWithOnset(30, halopsaFailureOnset, (ctx, env, failing) => {
  const activities = runActivities(
    ctx,
    env,
    HALOPSA,
    failing && { label: 'PSA Metadata', failures: [TICKET_TYPES_DENIED] },
  );
  const duration = runDuration(ctx, env, [30, 110]);
  if (!failing) return finishedPlan(activities, duration);
  return finishedPlan(activities, duration, {
    error:
      'PSA Metadata: 1 resource failed (Ticket Types on Board: Service Desk (444): permission_denied)',
    dashboardMessage:
      "HaloPSA refused access to Ticket Types on board 444. Give the API member 'neo-sync' read access; the next sync picks it up.",
  });
});

const SERVICENOW: ActivitySpec[] = [
  { label: 'PSA Metadata', total: 640, perDay: 0.1, maxDelta: 14 },
  { label: 'PSA Companies', total: 265, perDay: 0.2, maxDelta: 8 },
  { label: 'PSA Contacts', total: 4100, perDay: 2, maxDelta: 45 },
  { label: 'PSA Configurations', total: 1800, perDay: 1, maxDelta: 20 },
];

/**
 * When ServiceNow's contacts went silent (a lost read permission or a changed filter: the API
 * answers, with nothing in it): about two days before the tenant's "today".
 */
export function servicenowSilenceOnset(env: TenantTime): number {
  return env.referenceTime - 2 * DAY - createRng(env.seed, 'servicenow', 'silence')() * 2 * HOUR;
}

/** Every run succeeds; from the onset on, PSA Contacts sees 0 records and syncs nothing. */
export const servicenow = profileWithOnset(20, servicenowSilenceOnset, (ctx, env, silent) => {
  const activities = runActivities(ctx, env, SERVICENOW).map((activity) =>
    silent && activity.activity_label === 'PSA Contacts'
      ? { ...activity, synced_count: 0, total_count: 0 }
      : activity,
  );
  return finishedPlan(activities, runDuration(ctx, env, [40, 120]));
});
