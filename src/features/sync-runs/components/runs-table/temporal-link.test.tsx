// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeRun } from '@/test/fixtures';
import { RunDetail } from './run-detail';
import { temporalWorkflowUrl } from './temporal-link';
import { TemporalUiContext } from '@/features/sync-runs/hooks/use-temporal-ui';

const BASE = 'https://temporal.example.com/namespaces/neo/';

describe('Temporal links', () => {
  it('puts API ids into the path encoded, so they can never change where the link goes', () => {
    expect(temporalWorkflowUrl(BASE, 'sync-halopsa/2026', 'r 1')).toBe(
      'https://temporal.example.com/namespaces/neo/workflows/sync-halopsa%2F2026/r%201/history',
    );
    expect(temporalWorkflowUrl(BASE, 'javascript:alert(1)', null)).toBe(
      'https://temporal.example.com/namespaces/neo/workflows/javascript%3Aalert(1)/history',
    );
    expect(temporalWorkflowUrl('javascript:alert(1)', 'x', null)).toBeNull();
  });

  it('links the workflow id when configured, and leaves it copyable text otherwise', () => {
    const run = makeRun({ temporal_workflow_id: 'wf-7', temporal_run_id: 'tr-9' });
    const { unmount } = render(<RunDetail run={run} />);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('wf-7')).toBeInTheDocument();
    unmount();
    render(
      <TemporalUiContext.Provider value={BASE}>
        <RunDetail run={run} />
      </TemporalUiContext.Provider>,
    );
    const link = screen.getByRole('link', { name: 'wf-7 (open in Temporal)' });
    expect(link).toHaveAttribute(
      'href',
      'https://temporal.example.com/namespaces/neo/workflows/wf-7/tr-9/history',
    );
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  // `encodeURIComponent('..')` is `..`: a URL parser would resolve it as a path step, out of the
  // workflow's page. Percent-encoded and empty forms are refused too, as `syncRunsPath` does.
  const HOSTILE = ['', '.', '..', '%2e', '%2E', '%2e%2E', '.%2e', '%2e.'];

  it.each(HOSTILE)('renders no link for the workflow or run id %j', (id) => {
    expect(temporalWorkflowUrl(BASE, id, null)).toBeNull();
    expect(temporalWorkflowUrl(BASE, 'wf-7', id)).toBeNull();
    for (const run of [
      makeRun({ temporal_workflow_id: id, temporal_run_id: 'tr-9' }),
      makeRun({ temporal_workflow_id: 'wf-7', temporal_run_id: id }),
    ]) {
      const { unmount } = render(
        <TemporalUiContext.Provider value={BASE}>
          <RunDetail run={run} />
        </TemporalUiContext.Provider>,
      );
      expect(screen.queryByRole('link')).not.toBeInTheDocument();
      if (id !== '') expect(screen.getAllByText(id).length).toBeGreaterThan(0);
      unmount();
    }
  });

  it.each([
    ['...', 'tr-9'],
    ['../admin', null],
    ['..%2fadmin', '..\\x'],
    ['a..b', '%2e%2e%2f'],
    ['/', '?#'],
  ])('keeps the link for %j / %j under the configured base path', (workflowId, runId) => {
    render(
      <TemporalUiContext.Provider value={BASE}>
        <RunDetail run={makeRun({ temporal_workflow_id: workflowId, temporal_run_id: runId })} />
      </TemporalUiContext.Provider>,
    );
    const href = screen.getByRole('link').getAttribute('href') ?? '';
    const url = new URL(href);
    expect(url.origin).toBe('https://temporal.example.com');
    expect(url.pathname.startsWith('/namespaces/neo/workflows/')).toBe(true);
    expect(url.pathname.endsWith('/history')).toBe(true);
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    // The ids are one path segment each: decoding the path gives them back exactly.
    const segments = url.pathname.split('/').slice(4, -1).map(decodeURIComponent);
    expect(segments).toEqual(runId === null ? [workflowId] : [workflowId, runId]);
  });

  it('keeps the link on the configured host even when the base path starts with //', () => {
    expect(
      temporalWorkflowUrl('https://temporal.example.com//evil.example/neo/', 'wf-7', null),
    ).toBe('https://temporal.example.com//evil.example/neo/workflows/wf-7/history');
  });
});
