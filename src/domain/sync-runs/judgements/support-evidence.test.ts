import { describe, expect, it } from 'vitest';
import { makeRun } from '@/test/fixtures';
import { failureSignatures } from './signatures';
import { buildSupportEvidence } from './support-evidence';

describe('buildSupportEvidence', () => {
  const covering = makeRun({
    run_id: 'run-42',
    started_at: '2026-11-29T09:00:00Z',
    finished_at: '2026-11-29T09:02:00Z',
    temporal_workflow_id: 'wf-7',
    temporal_run_id: 'tr-9',
    activities: [
      { activity_label: 'PSA Contacts', synced_count: 3, total_count: 10, failures: [] },
    ],
  });
  const failing = makeRun({
    run_id: 'run-43',
    status: 'FAILURE',
    started_at: '2026-11-29T09:15:00Z',
    activities: [
      {
        activity_label: 'PSA Contacts',
        synced_count: 0,
        total_count: 10,
        failures: [
          {
            resource_label: 'Contacts',
            parent_label: 'Fabrikam',
            reason: 'permission_denied',
            error_message: '403',
          },
        ],
      },
    ],
  });

  it('lists the question, verdict, runs with temporal ids in UTC, open failures and request ids', () => {
    const text = buildSupportEvidence({
      integration: 'halopsa',
      question: {
        activity: 'PSA Contacts',
        resource: '',
        createdAt: Date.parse('2026-11-29T08:30:00Z'),
      },
      verdict: { kind: 'should-be-there', coveringRun: covering, cadence: null },
      runs: [covering, failing],
      openSignatures: failureSignatures([covering, failing]).filter((s) => s.state === 'open'),
      requestIds: ['9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'],
      now: Date.parse('2026-11-29T10:00:00Z'),
    });
    expect(text).toContain('Integration: halopsa');
    expect(text).toContain('Verdict: Should already be there');
    expect(text).toContain('Record created at: 2026-11-29T08:30:00.000Z');
    expect(text).toContain('run run-42, status SUCCESS, started 2026-11-29T09:00:00Z');
    expect(text).toContain('temporal_workflow_id wf-7, temporal_run_id tr-9');
    expect(text).toContain('PSA Contacts / Contacts / Fabrikam: permission_denied');
    expect(text).toContain('API request ids: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
  });

  it('cannot become a formula or extra cells when pasted into a spreadsheet', () => {
    const hostile = makeRun({
      run_id: '=HYPERLINK("http://evil.example")',
      status: 'FAILURE',
      started_at: '2026-11-29T09:15:00Z',
      temporal_workflow_id: '+cmd|" /C calc"!A0',
      activities: [
        {
          activity_label: '@SUM(1)',
          synced_count: 0,
          total_count: 1,
          failures: [
            {
              resource_label: '-2+3',
              parent_label: 'a\tb',
              reason: 'x\n=1+1',
              error_message: '\t=IMPORTXML("http://evil.example")',
            },
          ],
        },
      ],
    });
    const text = buildSupportEvidence({
      integration: 'halopsa',
      question: {
        activity: '@SUM(1)',
        resource: '=1',
        createdAt: Date.parse('2026-11-29T08:30:00Z'),
      },
      verdict: { kind: 'should-be-there', coveringRun: hostile, cadence: null },
      runs: [hostile],
      openSignatures: failureSignatures([hostile]).filter((s) => s.state === 'open'),
      requestIds: [],
      now: Date.parse('2026-11-29T10:00:00Z'),
    });
    expect(text).not.toContain('\t');
    for (const line of text.split('\n')) expect(line).not.toMatch(/^\s*[=+\-@]/);
    // The values are still there, as text.
    expect(text).toContain('run =HYPERLINK("http://evil.example")');
  });

  // The evidence is built from what the API returned and the user typed, never from the session:
  // its input has no token field. API text is copied as the API sent it (on one line), credentials
  // in it included: the builder does not scrub. A run's `error` and `dashboard_message` are not part
  // of the evidence at all.
  it('redacts credentials an API text carries, and never copies a run’s error or dashboard message', () => {
    const apiJwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhcGktc2lkZSJ9.c2lnbmF0dXJlLWFwaS1zaWRl';
    const apiKey = 'neo_sk_live_AbCdEf0123456789';
    const leaky = makeRun({
      run_id: 'run-44',
      status: 'FAILURE',
      started_at: '2026-11-29T09:20:00Z',
      error: `upstream said: Authorization: Bearer ${apiJwt}`,
      dashboard_message: `retry with ${apiKey}`,
      activities: [
        {
          activity_label: 'PSA Contacts',
          synced_count: 0,
          total_count: 1,
          failures: [
            {
              resource_label: 'Contacts',
              parent_label: null,
              reason: 'unauthorized',
              error_message: `401 for Bearer ${apiJwt} (key ${apiKey})`,
            },
          ],
        },
      ],
    });
    const text = buildSupportEvidence({
      integration: 'halopsa',
      question: {
        activity: 'PSA Contacts',
        resource: `Contacts ${apiKey}`,
        createdAt: Date.parse('2026-11-29T08:30:00Z'),
      },
      verdict: { kind: 'blocked', signatures: failureSignatures([leaky]) },
      runs: [leaky],
      openSignatures: failureSignatures([leaky]).filter((s) => s.state === 'open'),
      requestIds: [],
      now: Date.parse('2026-11-29T10:00:00Z'),
    });
    // What the failure and the question said is there, with the credentials in it redacted.
    expect(text).toContain('unauthorized: 401 for Bearer [redacted] (key [redacted key])');
    expect(text).toContain('Resource/parent: Contacts [redacted key]');
    expect(text).not.toContain(apiJwt.slice(0, 20));
    expect(text).not.toContain('neo_sk_');
    // The run's own error text and dashboard message are not copied.
    expect(text).not.toContain('upstream said');
    expect(text).not.toContain('retry with');
  });
});
