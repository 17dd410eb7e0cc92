import { describe, expect, it } from 'vitest';
import { plural, pluralWord } from './plural';

describe('plural', () => {
  it('counts in the singular only for exactly one', () => {
    expect(plural(1, 'run')).toBe('1 run');
    expect(plural(0, 'run')).toBe('0 runs');
    expect(plural(3, 'run')).toBe('3 runs');
    expect(plural(2, 'request was', 'requests were')).toBe('2 requests were');
    expect(plural(1234, 'run', 'runs', new Intl.NumberFormat('en-US').format)).toBe('1,234 runs');
    expect(pluralWord(1, 'is', 'are')).toBe('is');
    expect(pluralWord(5, 'is', 'are')).toBe('are');
  });
});
