// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { TimeZonePicker } from './time-zone-picker';

it('finds a zone by typing and chooses it with the keyboard', async () => {
  const user = userEvent.setup();
  const onChange = vi.fn();
  render(<TimeZonePicker mode="local" onChange={onChange} />);
  await user.click(screen.getByRole('button', { name: 'Change time zone' }));
  const field = screen.getByRole('combobox', { name: 'Time zone' });
  expect(field).toHaveFocus();
  await user.type(field, 'berl');
  const options = screen.getAllByRole('option');
  expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('Europe/Berlin')]);
  expect(field).toHaveAttribute('aria-activedescendant', options[0]!.id);
  await user.keyboard('{Enter}');
  expect(onChange).toHaveBeenCalledWith('Europe/Berlin');
  // Closed, and the focus is back on the button that opened it.
  expect(screen.queryByRole('combobox')).toBeNull();
  expect(screen.getByRole('button', { name: 'Change time zone' })).toHaveFocus();
});

it('offers the browser zone and UTC first, moves with arrows, and closes on Escape', async () => {
  const user = userEvent.setup();
  const onChange = vi.fn();
  render(<TimeZonePicker mode="Asia/Tokyo" onChange={onChange} />);
  expect(screen.getByText(/Times in/)).toHaveTextContent('Times in Asia/Tokyo (GMT+9)');
  await user.click(screen.getByRole('button', { name: 'Change time zone' }));
  const [own, utc] = screen.getAllByRole('option');
  expect(own).toHaveTextContent("Your browser's zone");
  expect(utc).toHaveTextContent('UTC');
  await user.keyboard('{ArrowDown}');
  expect(utc).toHaveAttribute('aria-selected', 'true');
  await user.keyboard('{Escape}');
  expect(onChange).not.toHaveBeenCalled();
  expect(screen.queryByRole('listbox')).toBeNull();
});

it('says when no zone has the typed name, and picks by click', async () => {
  const user = userEvent.setup();
  const onChange = vi.fn();
  render(<TimeZonePicker mode="utc" onChange={onChange} />);
  expect(screen.getByRole('button', { name: 'Show UTC' })).toHaveAttribute('aria-pressed', 'true');
  await user.click(screen.getByRole('button', { name: 'Change time zone' }));
  await user.type(screen.getByRole('combobox'), 'atlantis');
  expect(screen.getByText('No time zone has that name.')).toBeVisible();
  await user.clear(screen.getByRole('combobox'));
  await user.type(screen.getByRole('combobox'), 'new york');
  await user.click(screen.getByRole('option', { name: /America\/New_York/ }));
  expect(onChange).toHaveBeenCalledWith('America/New_York');
});
