// What one scheduled slot of an integration turns into, and the helpers every profile shares.
import { DAY, SECOND } from '../clock.ts';
import { between, chance, type Rng } from '../random.ts';
import type { SyncActivity, SyncEntityFailure } from '../types.ts';

/** Fixed per tenant and integration: lets a profile place scenarios (an onset, a stuck run) in time. */
export type ScenarioEnv = {
  seed: string;
  /** The tenant's "today": scenario times are relative to it, never to the moving clock. */
  referenceTime: number;
  cadenceMs: number;
  /** Scheduled time of slot 0. */
  anchorMs: number;
};

/** What a scenario's moments are placed by: the tenant's seed and its "today". */
export type TenantTime = Pick<ScenarioEnv, 'seed' | 'referenceTime'>;

/** One slot. Profiles must draw from `rng` in an order that does not depend on the clock. */
export type SlotContext = {
  rng: Rng;
  slot: number;
  scheduledAt: number;
  /** A once-a-day slot (the one scheduled from 02:00 UTC) re-reads every record. */
  fullResync: boolean;
};

/** The final outcome of a slot; the run builder shows it as RUNNING until `durationMs` has passed. */
export type RunPlan = {
  /** `RUNNING` here means the run never finishes (a stuck worker). */
  status: 'SUCCESS' | 'FAILURE' | 'SKIPPED' | 'RUNNING';
  /** null only for a run that never finishes. */
  durationMs: number | null;
  /** In execution order; a RUNNING run shows the ones completed so far. */
  activities: SyncActivity[];
  error: string | null;
  dashboardMessage: string | null;
  /** false: the row was stored without `started_at` (a skip decided before the run began). */
  hasStartTime: boolean;
  /** false: no Temporal workflow was launched for this row. */
  hasTemporalIds: boolean;
};

export type Planner = (ctx: SlotContext) => RunPlan;

export type IntegrationProfile = {
  cadenceMinutes: number;
  createPlanner(env: ScenarioEnv): Planner;
};

/** An activity's candidate records now, how fast they grow, and a typical incremental batch. */
export type ActivitySpec = { label: string; total: number; perDay: number; maxDelta: number };

/** total_count drifts with time; synced_count is usually a small delta, everything on a full resync. */
export function runActivity(
  ctx: SlotContext,
  env: ScenarioEnv,
  spec: ActivitySpec,
  failures: SyncEntityFailure[] = [],
): SyncActivity {
  const idle = chance(ctx.rng, 0.3);
  const batch = Math.ceil(ctx.rng() ** 2 * spec.maxDelta);
  const days = (ctx.scheduledAt - env.referenceTime) / DAY;
  const total = Math.max(0, Math.round(spec.total + spec.perDay * days));
  const synced = ctx.fullResync ? total : Math.min(total, idle ? 0 : batch);
  return { activity_label: spec.label, synced_count: synced, total_count: total, failures };
}

/** One run's activities in order; `failing`, when given, puts its failures on the activity it names. */
export function runActivities(
  ctx: SlotContext,
  env: ScenarioEnv,
  specs: readonly ActivitySpec[],
  failing?: { label: string; failures: SyncEntityFailure[] } | false,
): SyncActivity[] {
  return specs.map((spec) =>
    runActivity(ctx, env, spec, failing && spec.label === failing.label ? failing.failures : []),
  );
}

/**
 * A profile whose runs change from one moment on (`onsetOf` the tenant's scenario env): `plan`
 * learns whether a slot is scheduled at or after it.
 */
export function profileWithOnset(
  cadenceMinutes: number,
  onsetOf: (env: TenantTime) => number,
  plan: (ctx: SlotContext, env: ScenarioEnv, afterOnset: boolean) => RunPlan,
): IntegrationProfile {
  return {
    cadenceMinutes,
    createPlanner: (env) => {
      const onset = onsetOf(env);
      return (ctx) => plan(ctx, env, ctx.scheduledAt >= onset);
    },
  };
}

/** Seconds to ms with jitter; full resyncs take longer; never longer than 80% of the cadence. */
export function runDuration(
  ctx: SlotContext,
  env: ScenarioEnv,
  seconds: readonly [number, number],
  fullResyncFactor = 3,
): number {
  const base = between(ctx.rng, seconds[0], seconds[1]) * SECOND;
  const ms = Math.round(ctx.fullResync ? base * fullResyncFactor : base);
  return Math.min(ms, Math.floor(env.cadenceMs * 0.8));
}

export function finishedPlan(
  activities: SyncActivity[],
  durationMs: number,
  problem?: { error: string; dashboardMessage: string | null },
): RunPlan {
  return {
    status: problem ? 'FAILURE' : 'SUCCESS',
    durationMs,
    activities,
    error: problem?.error ?? null,
    dashboardMessage: problem?.dashboardMessage ?? null,
    hasStartTime: true,
    hasTemporalIds: true,
  };
}

export function skippedPlan(
  message: string,
  durationMs: number,
  options: { hasStartTime: boolean; hasTemporalIds: boolean },
): RunPlan {
  return {
    status: 'SKIPPED',
    durationMs,
    activities: [],
    error: null,
    dashboardMessage: message,
    ...options,
  };
}
