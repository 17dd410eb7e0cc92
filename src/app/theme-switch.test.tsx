// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from '@/lib/theme/theme';
import { installTheme } from '@/lib/theme/use-theme';
import { ThemeSwitch } from './theme-switch';

afterEach(() => {
  localStorage.clear();
  document.documentElement.className = '';
});

it('switches the theme from the keyboard and remembers it', async () => {
  installTheme();
  render(<ThemeSwitch />);
  expect(screen.getByRole('group', { name: 'Theme' })).toBeVisible();
  expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();

  const user = userEvent.setup();
  await user.tab();
  expect(screen.getByRole('radio', { name: 'System' })).toHaveFocus();
  await user.keyboard('{ArrowRight}{ArrowRight}');
  expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
  expect(document.documentElement).toHaveClass('dark');
  expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

  await user.click(screen.getByRole('radio', { name: 'Light' }));
  expect(document.documentElement).not.toHaveClass('dark');
});

it('is absent in an embedded widget, whose host picks the theme', () => {
  installTheme('dark');
  render(<ThemeSwitch />);
  expect(screen.queryByRole('group', { name: 'Theme' })).toBeNull();
  expect(document.documentElement).toHaveClass('dark');
});
