import { describe, expect, it } from 'vitest';
import { makePage } from '@/test/fixtures';
import { advance, chainStart, pagingState, uniqueProblems } from './paging';
import { initialFrontier } from './rounds';

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

  it('halts after three empty pages in a row that still say has_more, even with new cursors', () => {
    const empties = [makePage([], 'c2'), makePage([], 'c3'), makePage([], 'c4')];
    expect(pagingState([makePage(['a'], 'c1'), ...empties.slice(0, 2)])).toEqual({
      kind: 'more',
      cursor: 'c3',
    });
    expect(pagingState([makePage(['a'], 'c1'), ...empties])).toEqual({
      kind: 'halted',
      reason: 'empty-pages',
    });
  });
});

describe('paging stops by progress, not only by cursors', () => {
  it('halts after three pages in a row of runs already received, even with fresh cursors', () => {
    const pages = [
      makePage(['a', 'b'], 'c1'),
      makePage(['a', 'b'], 'c2'),
      makePage(['b', 'a'], 'c3'),
    ];
    expect(pagingState(pages)).toEqual({ kind: 'more', cursor: 'c3' });
    expect(pagingState([...pages, makePage(['a'], 'c4')])).toEqual({
      kind: 'halted',
      reason: 'no-progress',
    });
  });

  it('keeps going while pages bring any new run, even if most were seen', () => {
    const pages = ['c1', 'c2', 'c3', 'c4', 'c5'].map((cursor, i) =>
      makePage(['a', `n${i}`], cursor),
    );
    expect(pagingState(pages)).toEqual({ kind: 'more', cursor: 'c5' });
  });

  it('caps a chain at the pages its window could hold', () => {
    // One hour at one run per 10 s is 360 runs: 2 pages of 200, plus slack for empty pages.
    let entry = chainStart({ since: '2026-11-01T00:00:00Z', until: '2026-11-01T01:00:00Z' }, 200);
    let step: ReturnType<typeof advance> = { kind: 'next', entry };
    let pages = 0;
    while (step.kind === 'next' && pages < 100) {
      entry = step.entry;
      pages += 1;
      step = advance(entry, makePage([`r${pages}`], `c${pages}`));
    }
    expect(step).toEqual({ kind: 'halt', reason: 'page-cap' });
    expect(pages).toBe(entry.maxPages);
    expect(pages).toBeLessThan(10);
  });
});

describe('advance (one slice of a parallel walk)', () => {
  const slice = initialFrontier([{ index: 0, since: 's', until: 'u' }])[0]!;
  const walk = (pages: ReturnType<typeof makePage>[]) => {
    let entry = slice;
    for (const page of pages) {
      const step = advance(entry, page);
      if (step.kind !== 'next') return step;
      entry = step.entry;
    }
    return { kind: 'next' as const, entry };
  };

  it('stops a slice that keeps sending empty pages with has_more', () => {
    expect(walk([makePage([], 'c1'), makePage([], 'c2'), makePage([], 'c3')])).toEqual({
      kind: 'halt',
      reason: 'empty-pages',
    });
  });

  it('forgives an empty page followed by runs', () => {
    const step = walk([makePage([], 'c1'), makePage([], 'c2'), makePage(['a'], 'c3')]);
    expect(step).toMatchObject({ kind: 'next', entry: { cursor: 'c3', emptyPages: 0 } });
  });

  it('stops on a repeated cursor and on has_more without a cursor', () => {
    expect(walk([makePage(['a'], 'c1'), makePage(['b'], 'c1')])).toEqual({
      kind: 'halt',
      reason: 'cursor-repeated',
    });
    expect(walk([makePage(['a'], null, true)])).toEqual({ kind: 'halt', reason: 'missing-cursor' });
  });
});

describe('uniqueProblems', () => {
  it('reports the same unreadable run once when pages overlap', () => {
    const problem = { index: 1, runId: 'x', issues: ['status: bad'] };
    expect(uniqueProblems([problem, { ...problem }, { ...problem, runId: 'y' }])).toHaveLength(2);
  });
});
