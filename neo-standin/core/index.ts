// The platform-neutral stand-in (no Node APIs): what MSW handlers in unit tests import.
export { anyBearerAuthenticator, apiKeyAuthenticator, parseBearer } from './authenticators.ts';
export type { Authenticate, AuthResult } from './authenticators.ts';
export { DAY, HOUR, MINUTE, SECOND, systemClock, type Clock } from './clock.ts';
export { createDemoTenant, DEFAULT_HISTORY_DAYS, DEFAULT_SEED } from './demo-tenant.ts';
export type { DemoTenant, DemoTenantOptions, IntegrationAvailability } from './demo-tenant.ts';
export type { StandinResponse } from './envelope.ts';
export { toFetchResponse } from './fetch-adapter.ts';
export { KNOWN_INTEGRATIONS, type IntegrationSlug } from '../../src/lib/integrations/catalog.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_WINDOW_DAYS } from './params.ts';
export { createStandinApi } from './sync-runs-endpoint.ts';
export type { StandinApi, StandinApiOptions, StandinRequest } from './sync-runs-endpoint.ts';
export { standinHandler } from './msw-handler.ts';
