import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { parseSyncRunsPage, syncRunsPath } from './sync-runs';

const REQUEST_ID = '3c5d7e9f-1a2b-4c3d-8e4f-5a6b7c8d9e0f';

const goodRun = {
  run_id: 'r1',
  temporal_run_id: 't1',
  temporal_workflow_id: null,
  status: 'FAILURE',
  started_at: '2026-11-28T09:12:00Z',
  finished_at: '2026-11-28T09:13:05Z',
  error: '1 activity failed',
  dashboard_message: null,
  activities: [
    {
      activity_label: 'PSA Metadata',
      synced_count: 3,
      total_count: 40,
      failures: [
        {
          resource_label: 'Ticket Types',
          parent_label: 'Board 444',
          reason: 'permission_denied',
          error_message: '403',
        },
      ],
    },
  ],
};

describe('parseSyncRunsPage', () => {
  it('reads runs, pagination, request id and warnings', () => {
    const page = parseSyncRunsPage(
      {
        data: [goodRun],
        meta: {
          request_id: REQUEST_ID,
          timings_ms: { total: 12 },
          pagination: { has_more: true, next_cursor: 'abc' },
          warnings: ['w'],
        },
      },
      null,
    );
    expect(page.runs).toHaveLength(1);
    expect(page.runs[0]?.activities[0]?.failures[0]?.resource_label).toBe('Ticket Types');
    expect(page).toMatchObject({
      hasMore: true,
      nextCursor: 'abc',
      requestId: REQUEST_ID,
      warnings: ['w'],
      problems: [],
    });
  });

  it('ignores fields the API adds later, at every level', () => {
    const page = parseSyncRunsPage(
      {
        data: [{ ...goodRun, new_field: 1, activities: [{ ...goodRun.activities[0], weight: 2 }] }],
        meta: {
          request_id: REQUEST_ID,
          timings_ms: {},
          pagination: { has_more: false, next_cursor: null },
          region: 'eu',
        },
        links: {},
      },
      null,
    );
    expect(page.runs).toHaveLength(1);
    expect(page.problems).toEqual([]);
  });

  it('keeps the good runs and reports a malformed one with its run_id and what is wrong', () => {
    const page = parseSyncRunsPage(
      {
        data: [goodRun, { ...goodRun, run_id: 'r2', status: 'EXPLODED' }, { nonsense: true }],
        meta: { request_id: REQUEST_ID, timings_ms: {} },
      },
      null,
    );
    expect(page.runs.map((r) => r.run_id)).toEqual(['r1']);
    expect(page.problems).toHaveLength(2);
    expect(page.problems[0]).toMatchObject({ index: 1, runId: 'r2' });
    expect(page.problems[0]?.issues.join(' ')).toContain('status');
    expect(page.problems[1]).toMatchObject({ index: 2, runId: null });
  });

  it('accepts the nulls the schema allows', () => {
    const page = parseSyncRunsPage(
      {
        data: [
          {
            ...goodRun,
            status: 'RUNNING',
            started_at: null,
            finished_at: null,
            error: null,
            temporal_run_id: null,
          },
        ],
        meta: { request_id: REQUEST_ID, timings_ms: {} },
      },
      null,
    );
    expect(page.runs).toHaveLength(1);
  });

  it('treats a body without data[] as an invalid response, not as zero runs', () => {
    expect(() => parseSyncRunsPage({ meta: { request_id: REQUEST_ID } }, REQUEST_ID)).toThrow(
      ApiError,
    );
    try {
      parseSyncRunsPage({ data: null, meta: {} }, REQUEST_ID);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_response', requestId: REQUEST_ID });
    }
  });
});

describe('syncRunsPath', () => {
  it('percent-encodes the whole name, so slashes, dots, queries and fragments stay inside it', () => {
    expect(syncRunsPath('connectwise')).toBe('/public-api/integrations/connectwise/sync-runs');
    expect(syncRunsPath('../../tenant')).toBe(
      '/public-api/integrations/..%2F..%2Ftenant/sync-runs',
    );
    expect(syncRunsPath('a?b#c d%')).toBe('/public-api/integrations/a%3Fb%23c%20d%25/sync-runs');
    const url = new URL(`https://api.example${syncRunsPath('../x')}`);
    expect(url.pathname).toBe('/public-api/integrations/..%2Fx/sync-runs');
  });

  it('refuses names a URL parser would resolve as a path step, before any request', () => {
    for (const name of ['', '.', '..', '%2e', '%2E%2e'])
      expect(() => syncRunsPath(name)).toThrow(ApiError);
  });
});
