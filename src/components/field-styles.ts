// One look for every text field, select and date input: a clear ring while it has the focus (the
// browser's own ring is missing on some: a date input's inner parts take the focus, hence :focus-within).
export const FIELD =
  'rounded border border-slate-300 bg-white px-2 py-1 focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-blue-600';
