// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FailureSignature } from '@/domain/sync-runs/judgements/signatures';
import { VerdictView } from './verdict-view';

const signature: FailureSignature = {
  key: 'k',
  id: 'abc',
  activity: 'PSA Metadata',
  resource: 'Ticket Types',
  parent: 'Board 444',
  reason: 'permission_denied',
  message: 'Access denied',
  exampleMessage: 'Access denied',
  firstSeen: '2026-11-28T09:00:00.000Z',
  lastSeen: '2026-11-28T09:00:00.000Z',
  runCount: 1,
  runIds: ['r1'],
  state: 'open',
  resolvedAt: null,
};

describe('VerdictView', () => {
  it('tells a blocking failure in the same sentence as a notice, counting runs right', () => {
    const { container } = render(
      <VerdictView
        verdict={{ kind: 'blocked', signatures: [signature] }}
        now={Date.parse('2026-11-28T12:00:00Z')}
        onShowRun={() => {}}
      />,
    );
    const sentence = container.querySelector('li p')!;
    expect(sentence.textContent).toMatch(
      /^Ticket Types \(Board 444\) fails with permission_denied since .+ \(1 run\): Access denied$/,
    );
    expect(sentence.querySelector('strong')?.textContent).toBe('Ticket Types');
    expect(sentence.querySelector('code')?.textContent).toBe('permission_denied');
    expect(sentence.querySelector('time')?.getAttribute('datetime')).toBe(signature.firstSeen);
  });
});
