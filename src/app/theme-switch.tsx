// Light, dark or the system's setting: remembered on this device. Hidden in an embedded widget,
// whose host chooses the theme.
import { useId } from 'react';
import type { ThemePreference } from '@/lib/theme/theme';
import { useTheme } from '@/lib/theme/use-theme';

const OPTIONS: { value: ThemePreference; label: string; symbol: string }[] = [
  { value: 'system', label: 'System', symbol: '◐' },
  { value: 'light', label: 'Light', symbol: '☀' },
  { value: 'dark', label: 'Dark', symbol: '☾' },
];

export function ThemeSwitch() {
  const { preference, theme, adjustable, setPreference } = useTheme();
  const name = useId();
  if (!adjustable) return null;
  return (
    <fieldset
      className="flex items-center rounded border border-slate-300 p-0.5 text-xs"
      title={preference === 'system' ? `Following your system setting (${theme} now)` : undefined}
    >
      <legend className="sr-only">Theme</legend>
      {OPTIONS.map((option) => (
        <label
          key={option.value}
          className="relative flex cursor-pointer items-center gap-1 rounded px-2 py-1 text-slate-700 hover:bg-slate-100 has-[:checked]:bg-slate-900 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600"
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={preference === option.value}
            onChange={() => setPreference(option.value)}
            className="absolute inset-0 cursor-pointer appearance-none rounded opacity-0"
          />
          <span aria-hidden="true">{option.symbol}</span>
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
