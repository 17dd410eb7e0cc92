import { describe, expect, it } from 'vitest';
import { makePage } from '../../../test/fixtures';
import { pagingState, uniqueProblems } from './paging';

describe('pagingState', () => {
  it('follows next_cursor while has_more', () => {
    expect(pagingState([makePage(['a'], 'c1')])).toEqual({ kind: 'more', cursor: 'c1' });
    expect(pagingState([makePage(['a'], 'c1'), makePage(['b'], 'c2')])).toEqual({
      kind: 'more',
      cursor: 'c2',
    });
  });

  it('is complete when the last page has no more', () => {
    expect(pagingState([makePage(['a'], 'c1'), makePage(['b'], null)])).toEqual({
      kind: 'complete',
    });
    expect(pagingState([])).toEqual({ kind: 'complete' });
  });

  it('halts instead of looping when a cursor comes back', () => {
    const pages = [makePage(['a'], 'c1'), makePage(['b'], 'c2'), makePage(['c'], 'c1')];
    expect(pagingState(pages)).toEqual({ kind: 'halted', reason: 'cursor-repeated' });
  });

  it('halts when has_more comes without a cursor', () => {
    const pages = [makePage(['a'], null, true)];
    expect(pagingState(pages)).toEqual({ kind: 'halted', reason: 'missing-cursor' });
  });
});

describe('uniqueProblems', () => {
  it('reports the same unreadable run once when pages overlap', () => {
    const problem = { index: 1, runId: 'x', issues: ['status: bad'] };
    expect(uniqueProblems([problem, { ...problem }, { ...problem, runId: 'y' }])).toHaveLength(2);
  });
});
