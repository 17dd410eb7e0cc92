// Keyboard shortcuts: the one list shown in the help dialog (when keys are ours: lib/keyboard).

export const SHORTCUTS = [
  { keys: ['j'], action: 'Next run in the table' },
  { keys: ['k'], action: 'Previous run in the table' },
  { keys: ['Esc'], action: 'Close the open run (or this dialog)' },
  { keys: ['/'], action: 'Search runs' },
  { keys: ['w'], action: 'Change the time window' },
  { keys: ['?'], action: 'Show these shortcuts' },
] as const;
