// The look of inline notices, in one place: warnings (amber), information (sky), a highlight (blue).
export const NOTICE = {
  warning: 'rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950',
  info: 'rounded border border-sky-300 bg-sky-50 p-2 text-sm text-sky-950',
  highlight: 'rounded border border-blue-300 bg-blue-50 p-2 text-sm text-blue-950',
} as const;
