// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeRun } from '@/test/fixtures';
import { RunDetail } from './run-detail';
import { temporalWorkflowUrl } from '@/domain/sync-runs/temporal-link';
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
});
