// Zod schemas for the sync-runs responses: parse at the boundary, tolerate additive fields.
import { z } from 'zod';
import type { components } from './openapi';

type Schemas = components['schemas'];
export type SyncRun = Schemas['SyncRun'];
export type SyncActivity = Schemas['SyncActivity'];
export type SyncEntityFailure = Schemas['SyncEntityFailure'];
export type RunStatus = Schemas['SimpleStatus'];

export const RUN_STATUSES = [
  'RUNNING',
  'SUCCESS',
  'FAILURE',
  'SKIPPED',
] as const satisfies readonly RunStatus[];

const isoDateTime = z.iso.datetime({ offset: true });

export const syncEntityFailureSchema = z.object({
  resource_label: z.string(),
  parent_label: z.string().nullable(),
  reason: z.string(),
  error_message: z.string(),
});

export const syncActivitySchema = z.object({
  activity_label: z.string(),
  synced_count: z.int(),
  total_count: z.int(),
  failures: z.array(syncEntityFailureSchema),
});

export const syncRunSchema = z.object({
  run_id: z.string(),
  temporal_run_id: z.string().nullable(),
  temporal_workflow_id: z.string().nullable(),
  status: z.enum(RUN_STATUSES),
  started_at: isoDateTime.nullable(),
  finished_at: isoDateTime.nullable(),
  error: z.string().nullable(),
  dashboard_message: z.string().nullable(),
  activities: z.array(syncActivitySchema),
});

export const paginationSchema = z.object({
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});

/** The envelope is checked strictly; items are checked one by one so one bad run cannot hide the rest. */
export const syncRunsEnvelopeSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({
    request_id: z.string(),
    // Informational only (nothing shows it): an odd value there is never a reason to drop a page.
    timings_ms: z.record(z.string(), z.number()).optional().catch(undefined),
    pagination: paginationSchema.optional(),
    warnings: z.array(z.string()).optional(),
  }),
});

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional().nullable(),
  }),
  meta: z.object({ request_id: z.string().nullable().optional() }).optional(),
});

// Compile-time proof that what we parse is what the contract says.
type Assert<T extends true> = T;
export type SchemasMatchContract = Assert<
  z.infer<typeof syncRunSchema> extends SyncRun
    ? SyncRun extends z.infer<typeof syncRunSchema>
      ? true
      : false
    : false
>;
