// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { LoadProgress, type LoadProgressProps } from './load-progress';

const base: LoadProgressProps = {
  loaded: 1234,
  progress: 0.405,
  isComplete: false,
  isFetchingMore: true,
  halt: null,
  nextPageError: null,
  onResume: () => {},
  problems: [],
  warnings: [],
};

it('shows how much of the window is loaded while it loads, and the total when done', () => {
  const { rerender } = render(<LoadProgress {...base} retries={2} />);
  expect(screen.getByRole('status')).toHaveTextContent(
    'Loaded 1,234 runs… (40 % of the window) 2 requests were retried.',
  );
  expect(screen.getByRole('progressbar', { name: 'Window loaded' })).toHaveAttribute(
    'aria-valuenow',
    '40',
  );
  rerender(<LoadProgress {...base} loaded={2000} progress={1} isComplete />);
  expect(screen.getByRole('status')).toHaveTextContent('2,000 runs loaded.');
  expect(screen.queryByRole('progressbar')).toBeNull();
});
