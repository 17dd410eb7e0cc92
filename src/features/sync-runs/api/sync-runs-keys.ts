// Query keys for sync runs, scoped to the signed-in account so caches never cross accounts.

export type RunWindow = { since: string; until: string };

export const syncRunsKeys = {
  all: (accountId: string) => ['account', accountId, 'sync-runs'] as const,
  integration: (accountId: string, name: string) => [...syncRunsKeys.all(accountId), name] as const,
  window: (accountId: string, name: string, window: RunWindow, pageSize: number) =>
    [...syncRunsKeys.integration(accountId, name), 'infinite', { ...window, pageSize }] as const,
};
