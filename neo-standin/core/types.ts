// The contract's data shapes, from the types generated from the OpenAPI file (never hand-written).
import type { components } from '../../src/lib/api/openapi.d.ts';

type Schemas = components['schemas'];
export type SyncRun = Schemas['SyncRun'];
export type SyncActivity = Schemas['SyncActivity'];
export type SyncEntityFailure = Schemas['SyncEntityFailure'];
export type RunStatus = Schemas['SimpleStatus'];
export type SuccessMeta = Schemas['SuccessMeta'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
