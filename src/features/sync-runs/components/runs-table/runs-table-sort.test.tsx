// @vitest-environment jsdom
// The runs table's sort is part of the view: read from the link, written back to it.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { IntegrationPage } from '@/features/sync-runs/components/integration-page/integration-page';
import { renderWithApp } from '@/test/render';
import { integration, page, run, servePages } from '@/test/sync-runs-pages';

const ui = {
  loaded: () => screen.findByText(/runs loaded\./, undefined, { timeout: 5000 }),
  table: () => screen.getByRole('region', { name: 'Sync runs table' }),
};

/** The address bar, for tests of what the view writes into links. */
function LocationText() {
  const { search } = useLocation();
  return <output aria-label="Address">{search}</output>;
}

/** The page at `route` with its address shown, once its table is on screen. */
async function renderTable(route: string) {
  renderWithApp(
    <>
      <IntegrationPage integration={integration} />
      <LocationText />
    </>,
    { route },
  );
  await ui.loaded();
  await screen.findByRole('region', { name: 'Sync runs table' });
}

/** The sort button in a column's header. */
function sortButton(column: RegExp): HTMLElement {
  return within(screen.getByRole('columnheader', { name: column })).getByRole('button');
}

/** Run ids in the order the table shows them. */
function tableOrder(): string[] {
  return within(ui.table())
    .getAllByRole('row')
    .map((row) => row.getAttribute('data-run-id'))
    .filter((id): id is string => id !== null);
}

describe('the runs table sort', () => {
  it('sorts the table as the link says, and keeps a new sort in the link', async () => {
    servePages({ '': page([run('r1', 10), run('r2', 40), run('r3', 70, 'FAILURE')], null) });
    await renderTable('/integrations/halopsa?sort=started');
    expect(screen.getByRole('columnheader', { name: /Started/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(tableOrder()).toEqual(['r3', 'r2', 'r1']);

    await userEvent.click(sortButton(/Failures/));
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /Failures/ })).toHaveAttribute('aria-sort'),
    );
    const address = new URLSearchParams(
      screen.getByRole('status', { name: 'Address' }).textContent ?? '',
    );
    expect(address.get('sort')).toMatch(/^-?failures$/);
    expect(tableOrder()[0]).toBe(address.get('sort') === '-failures' ? 'r3' : 'r1');
  });

  it('leaves the default sort (newest first) out of links', async () => {
    servePages({ '': page([run('r1', 10), run('r2', 40)], null) });
    await renderTable('/integrations/halopsa?sort=-started');
    expect(tableOrder()).toEqual(['r1', 'r2']);
    const address = () => screen.getByRole('status', { name: 'Address' }).textContent;
    expect(address()).toBe('?sort=-started');
    await userEvent.click(sortButton(/Status/));
    await waitFor(() => expect(address()).toMatch(/sort=-?status/));
    // Back to newest first: the link loses its sort.
    const startedSort = () =>
      screen.getByRole('columnheader', { name: /Started/ }).getAttribute('aria-sort');
    for (let click = 0; click < 3 && startedSort() !== 'descending'; click += 1)
      await userEvent.click(sortButton(/Started/));
    expect(startedSort()).toBe('descending');
    expect(new URLSearchParams(address() ?? '').has('sort')).toBe(false);
    expect(tableOrder()).toEqual(['r1', 'r2']);
  });
});
