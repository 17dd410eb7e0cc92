// Documentation integrations of the demo tenant: IT Glue with occasional timeouts, Hudu healthy.
import { SECOND } from '../clock.ts';
import { between, chance } from '../random.ts';
import type { SyncEntityFailure } from '../types.ts';
import {
  finishedPlan,
  runActivities,
  runDuration,
  type ActivitySpec,
  type IntegrationProfile,
} from './plan.ts';

const ITGLUE: ActivitySpec[] = [
  { label: 'Organizations', total: 212, perDay: 0.05, maxDelta: 4 },
  { label: 'Documents', total: 5400, perDay: 3, maxDelta: 40 },
  { label: 'Assets', total: 3100, perDay: 1.5, maxDelta: 25 },
];

const DOCUMENTS_TIMEOUT: SyncEntityFailure = {
  resource_label: 'Documents',
  parent_label: 'Organization: Northwind Traders',
  reason: 'timeout',
  error_message:
    'Timed out after 300 s waiting for IT Glue GET /organizations/1187/relationships/documents (page 14 of 31)',
};

export const itglue: IntegrationProfile = {
  cadenceMinutes: 60,
  createPlanner: (env) => (ctx) => {
    const timedOut = chance(ctx.rng, 0.04);
    const activities = runActivities(
      ctx,
      env,
      ITGLUE,
      timedOut && { label: 'Documents', failures: [DOCUMENTS_TIMEOUT] },
    );
    const normal = runDuration(ctx, env, [70, 200]);
    if (!timedOut) return finishedPlan(activities, normal);
    const timeout = Math.round((300 + between(ctx.rng, 5, 30)) * SECOND);
    return finishedPlan(activities, Math.min(timeout, Math.floor(env.cadenceMs * 0.8)), {
      error: 'Documents: timed out after 300 s',
      dashboardMessage: null,
    });
  },
};

const HUDU: ActivitySpec[] = [
  { label: 'Organizations', total: 188, perDay: 0.04, maxDelta: 3 },
  { label: 'Articles', total: 890, perDay: 0.6, maxDelta: 15 },
  { label: 'Assets', total: 2740, perDay: 1.1, maxDelta: 25 },
];

export const hudu: IntegrationProfile = {
  cadenceMinutes: 360,
  createPlanner: (env) => (ctx) =>
    finishedPlan(runActivities(ctx, env, HUDU), runDuration(ctx, env, [25, 75])),
};
