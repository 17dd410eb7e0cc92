// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureErrorReporting } from '@/lib/errors/error-reporter';
import { ErrorBoundary } from './error-boundary';

afterEach(() => {
  configureErrorReporting({ endpoint: null });
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('keeps a failing panel to itself, reports it, and can try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React logs the caught error
    const send = vi.fn();
    configureErrorReporting({ endpoint: 'https://errors.example/ingest', send });
    let fail = true;
    function Chart() {
      if (fail) throw new Error('cannot draw');
      return <p>chart drawn</p>;
    }
    render(
      <>
        <ErrorBoundary label="The run timeline">
          <Chart />
        </ErrorBoundary>
        <p>table still here</p>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The run timeline could not be shown.');
    expect(screen.getByText('table still here')).toBeInTheDocument();
    expect(send).toHaveBeenCalledWith(
      'https://errors.example/ingest',
      expect.objectContaining({ where: 'The run timeline', message: 'cannot draw' }),
    );
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('chart drawn')).toBeInTheDocument();
  });
});
