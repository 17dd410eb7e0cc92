import { describe, expect, it } from 'vitest';
import { makePage } from '../../../test/fixtures';
import { mergePages, nextPageParam, pagingState } from './paging';

describe('pagingState', () => {
  it('follows next_cursor while has_more', () => {
    expect(pagingState([makePage(['a'], 'c1')])).toEqual({ kind: 'more', cursor: 'c1' });
    expect(nextPageParam([makePage(['a'], 'c1'), makePage(['b'], 'c2')])).toBe('c2');
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
    expect(nextPageParam(pages)).toBeUndefined();
  });

  it('halts when has_more comes without a cursor', () => {
    const pages = [makePage(['a'], null, true)];
    expect(pagingState(pages)).toEqual({ kind: 'halted', reason: 'missing-cursor' });
    expect(nextPageParam(pages)).toBeUndefined();
  });
});

describe('mergePages', () => {
  it('keeps page order and the first copy of each run_id, counting duplicates', () => {
    const merged = mergePages([makePage(['a', 'b'], 'c1'), makePage(['b', 'c'], null)]);
    expect(merged.runs.map((r) => r.run_id)).toEqual(['a', 'b', 'c']);
    expect(merged.duplicates).toBe(1);
  });

  it('collects problems and de-duplicates warnings across pages', () => {
    const first = {
      ...makePage(['a'], 'c1'),
      warnings: ['slow'],
      problems: [{ index: 1, runId: 'x', issues: ['status: bad'] }],
    };
    const second = { ...makePage(['b'], null), warnings: ['slow'] };
    const merged = mergePages([first, second]);
    expect(merged.problems).toHaveLength(1);
    expect(merged.warnings).toEqual(['slow']);
  });
});
