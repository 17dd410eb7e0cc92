// Text from the API that may end up in a spreadsheet (exports, evidence pasted into a ticket or a
// sheet): a cell must never start with a formula trigger, and must not split into extra cells.

// Leading whitespace does not protect: some spreadsheets trim it before reading a formula.
const FORMULA_START = /^\s*[=+\-@]/;

/** One line of text: tabs and line breaks (which a paste turns into new cells) become spaces. */
export function oneLine(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

/** Prefixes a value that a spreadsheet would read as a formula with an apostrophe (OWASP's advice). */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** API text made safe for a spreadsheet cell: one line, never a formula. */
export function safeCell(value: string): string {
  return neutraliseFormula(oneLine(value));
}

/**
 * Text for the clipboard, which may be pasted into a sheet: line breaks are kept (a paste makes rows
 * of them, and multi-line evidence stays readable), and every line is a safe cell.
 */
export function safeLines(value: string): string {
  return value.split(/\r?\n/).map(safeCell).join('\n');
}
