import { describe, expect, it } from 'vitest';
import { failingReason, failureSentence, failureText } from './failure-text';

const failure = {
  activity: 'PSA Metadata',
  resource: 'Ticket Types',
  parent: 'Board 444',
  reason: 'permission_denied',
  runCount: 3,
  exampleMessage: 'Access denied',
  firstSeen: '2026-11-28T09:00:00.000Z',
};

describe('the failure sentence', () => {
  it('says where, why and in how many runs, the same for a notice and a page', () => {
    expect(failureText(failure)).toBe(
      'PSA Metadata: Ticket Types (Board 444) fails with permission_denied in 3 runs: Access denied',
    );
    expect(failureText({ ...failure, parent: null, runCount: 1 })).toBe(
      'PSA Metadata: Ticket Types fails with permission_denied in 1 run: Access denied',
    );
    // A page marks the parts it sets apart, and says since when.
    const marked = failureSentence<object>(failure, {
      resource: (text) => ({ bold: text }),
      reason: (text) => ({ code: text }),
      since: (iso) => ({ time: iso }),
    });
    expect(marked).toEqual([
      { bold: 'Ticket Types' },
      ' (Board 444)',
      ' fails with ',
      { code: 'permission_denied' },
      ' since ',
      { time: '2026-11-28T09:00:00.000Z' },
      ' (3 runs)',
      ': Access denied',
    ]);
    expect(failureSentence({ ...failure, runCount: 1 }, { since: String })).toContain(' (1 run)');
  });

  it('gives the failing health its reason: the first open failure, and how many more', () => {
    expect(failingReason([failure])).toBe('Ticket Types (Board 444): permission_denied in 3 runs.');
    expect(failingReason([{ ...failure, runCount: 1 }, failure])).toBe(
      'Ticket Types (Board 444): permission_denied in 1 run, and 1 more.',
    );
  });
});
