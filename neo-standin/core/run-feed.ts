// One integration's runs as a pure function of (seed, slot, now): slot i is scheduled at
// anchor + i × cadence, starts a seeded jitter later, is RUNNING until its duration has passed.
import { DAY, HOUR, MINUTE, SECOND, toIso } from './clock.ts';
import { chance, createRng, uuidFrom } from './random.ts';
import type { Planner, RunPlan, ScenarioEnv } from './profiles/plan.ts';
import type { SyncRun } from './types.ts';

/** Sort position of a run: start time (or scheduled time, see `sortTime`) then run_id. */
export type Keyset = { t: number; id: string };

export type RunPage = { runs: SyncRun[]; keys: Keyset[]; hasMore: boolean };

export type FeedQuery = {
  since: number;
  until: number;
  /** Only runs strictly after this position in newest-first order. */
  after: Keyset | null;
  limit: number;
  now: number;
};

export type RunFeed = {
  readonly cadenceMs: number;
  readonly anchorMs: number;
  readonly firstSlot: number;
  /** Newest first; runs exist once their sort time has passed. */
  page(query: FeedQuery): RunPage;
};

/** Schedules count slots from here; a seeded offset keeps integrations off the same minute. */
const SCHEDULE_EPOCH = Date.UTC(2024, 0, 1);

type Slot = {
  plan: RunPlan;
  scheduledAt: number;
  startedAt: number | null;
  key: Keyset;
  temporalRunId: string | null;
  temporalWorkflowId: string | null;
};

export function isNewerThan(a: Keyset, b: Keyset): boolean {
  return a.t > b.t || (a.t === b.t && a.id > b.id);
}

function isFullResync(scheduledAt: number, cadenceMs: number): boolean {
  const sinceTwoAm = (((scheduledAt - 2 * HOUR) % DAY) + DAY) % DAY;
  return sinceTwoAm < cadenceMs;
}

export function createRunFeed(options: {
  seed: string;
  slug: string;
  tenantId: string;
  cadenceMs: number;
  referenceTime: number;
  historyDays: number;
  createPlanner: (env: ScenarioEnv) => Planner;
}): RunFeed {
  const { seed, slug, cadenceMs } = options;
  const offset = Math.floor(createRng(seed, slug, 'anchor')() * cadenceMs);
  const anchorMs = SCHEDULE_EPOCH + Math.floor(offset / MINUTE) * MINUTE;
  const env: ScenarioEnv = { seed, referenceTime: options.referenceTime, cadenceMs, anchorMs };
  const planner = options.createPlanner(env);
  const firstSlot = Math.ceil(
    (options.referenceTime - options.historyDays * DAY - anchorMs) / cadenceMs,
  );
  // Jitter stays well under the cadence so start times keep the slots' order.
  const maxJitter = Math.min(cadenceMs * 0.1, 90 * SECOND);

  function slotAt(slot: number): Slot {
    const rng = createRng(seed, slug, slot);
    const scheduledAt = anchorMs + slot * cadenceMs;
    const jitter = Math.floor(rng() * maxJitter);
    const plan = planner({
      rng,
      slot,
      scheduledAt,
      fullResync: isFullResync(scheduledAt, cadenceMs),
    });
    const ids = createRng(seed, slug, slot, 'ids');
    const runId = uuidFrom(ids);
    const temporalRunId = uuidFrom(ids);
    // A few rows predate storing Temporal ids; skips decided by the scheduler never had any.
    const hasTemporal = plan.hasTemporalIds && !chance(ids, 0.03);
    const startedAt = plan.hasStartTime ? scheduledAt + jitter : null;
    const stamp = toIso(scheduledAt).replace(/\.\d{3}Z$/, 'Z');
    return {
      plan,
      scheduledAt,
      startedAt,
      // A run stored without started_at sorts (and is windowed) by its scheduled time.
      key: { t: startedAt ?? scheduledAt, id: runId },
      temporalRunId: hasTemporal ? temporalRunId : null,
      temporalWorkflowId: hasTemporal
        ? `scheduled-sync-${slug}-${options.tenantId.slice(0, 8)}-${stamp}`
        : null,
    };
  }

  function materialize(slot: Slot, now: number): SyncRun {
    const { plan, startedAt } = slot;
    const base = {
      run_id: slot.key.id,
      temporal_run_id: slot.temporalRunId,
      temporal_workflow_id: slot.temporalWorkflowId,
      started_at: startedAt === null ? null : toIso(startedAt),
    };
    const end = plan.durationMs === null ? null : (startedAt ?? slot.scheduledAt) + plan.durationMs;
    if (end === null || (startedAt !== null && now < end)) {
      // In progress: only the activities whose share of the duration has elapsed are recorded.
      const n = plan.activities.length;
      const done =
        end === null || startedAt === null
          ? plan.activities
          : plan.activities.filter((_, k) => startedAt + ((end - startedAt) * (k + 1)) / n <= now);
      return {
        ...base,
        status: 'RUNNING',
        finished_at: null,
        error: null,
        dashboard_message: null,
        activities: done,
      };
    }
    return {
      ...base,
      status: plan.status,
      finished_at: toIso(end),
      error: plan.error,
      dashboard_message: plan.dashboardMessage,
      activities: plan.activities,
    };
  }

  function page(query: FeedQuery): RunPage {
    const { since, until, after, limit, now } = query;
    const upper = Math.min(until - 1, now, after ? after.t : Number.POSITIVE_INFINITY);
    const runs: SyncRun[] = [];
    const keys: Keyset[] = [];
    let hasMore = false;
    for (let i = Math.floor((upper - anchorMs) / cadenceMs); i >= firstSlot; i--) {
      const slot = slotAt(i);
      if (slot.key.t < since) break; // sort times fall with the slot index
      if (slot.key.t >= until || slot.key.t > now) continue;
      if (after && !isNewerThan(after, slot.key)) continue;
      if (runs.length === limit) {
        hasMore = true;
        break;
      }
      runs.push(materialize(slot, now));
      keys.push(slot.key);
    }
    return { runs, keys, hasMore };
  }

  return { cadenceMs, anchorMs, firstSlot, page };
}
