import { describe, expect, it } from 'vitest';
import { FORMULA_CELLS } from '@/test/formula-cells';
import { safeCell, safeLines } from './spreadsheet-safe';

describe('safeCell', () => {
  it.each(FORMULA_CELLS)('neutralises %j', (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  it('keeps ordinary text, and never lets a line break or tab start a new cell', () => {
    expect(safeCell('Permission denied (403)')).toBe('Permission denied (403)');
    expect(safeCell('a\tb\r\n=c')).toBe('a b =c');
  });
});

describe('safeLines', () => {
  it('keeps line breaks (a paste makes rows of them) and makes every line a safe cell', () => {
    expect(safeLines('Evidence\n=1+1\r\n  * run\tr-1\n@x')).toBe(
      "Evidence\n'=1+1\n  * run r-1\n'@x",
    );
    expect(safeLines('\r=1')).toBe("' =1");
    expect(safeLines('https://dash.example/?window=a~b&sort=-started')).toBe(
      'https://dash.example/?window=a~b&sort=-started',
    );
  });
});
