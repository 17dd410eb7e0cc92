// Test fixtures shared by the watcher's tests.
import type { Notice } from './notice.ts';

/** A notice that HaloPSA is failing, created 2026-11-28 12:00 UTC; `overrides` on top. */
export function makeNotice(overrides: Partial<Notice> = {}): Notice {
  return {
    key: 'k1',
    kind: 'health-changed',
    severity: 'problem',
    integration: 'halopsa',
    integrationName: 'HaloPSA',
    activity: null,
    title: 'HaloPSA is failing',
    text: 'Ticket Types: permission_denied in 3 runs.',
    since: null,
    link: 'https://dash.example/integrations/halopsa',
    createdAt: '2026-11-28T12:00:00.000Z',
    items: [],
    ...overrides,
  };
}
