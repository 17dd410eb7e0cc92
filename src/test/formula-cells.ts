// Cell text a spreadsheet would run as a formula, and what it must become to stay text.
export const FORMULA_CELLS: [input: string, safe: string][] = [
  ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
  ['+cmd|" /C calc"!A0', `'+cmd|" /C calc"!A0`],
  ['-2+3', `'-2+3`],
  ['@SUM(A1)', `'@SUM(A1)`],
  ['\t=1+1', `' =1+1`],
];
