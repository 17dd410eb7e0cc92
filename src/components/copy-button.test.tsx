// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FORMULA_CELLS } from '@/test/formula-cells';
import { CopyButton } from './copy-button';

// `userEvent.setup()` puts a stub clipboard on `navigator` for each test; `readText` reads it back.
async function copied(value: string): Promise<string> {
  const user = userEvent.setup();
  const { unmount } = render(<CopyButton value={value} label="Copy id" />);
  await user.click(screen.getByRole('button', { name: 'Copy id' }));
  expect(screen.getByRole('button', { name: 'Copy id' })).toHaveTextContent('Copied');
  const text = await navigator.clipboard.readText();
  unmount();
  return text;
}

describe('CopyButton', () => {
  it.each([...FORMULA_CELLS, ['\r=1+1', `' =1+1`], ['run-1\t=1+1', 'run-1 =1+1']])(
    'never puts a formula on the clipboard: %j',
    async (value, expected) => {
      expect(await copied(value)).toBe(expected);
    },
  );

  it('neutralises every line of a multi-line value, and keeps its lines', async () => {
    expect(await copied('Evidence\n=1+1\r\n  * run r-1')).toBe("Evidence\n'=1+1\n  * run r-1");
  });

  it.each([
    'https://dash.example/integrations/halopsa?window=2026-11-28T10:00:00Z~2026-11-29T10:00:00Z&tz=utc&sort=-started',
    '00000000-0000-4000-8000-000000000000',
    'sync-halopsa/2026 r_1',
  ])('copies an ordinary link or id unchanged: %j', async (value) => {
    expect(await copied(value)).toBe(value);
  });
});
