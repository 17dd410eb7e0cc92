// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IntegrationPage } from '@/features/sync-runs/components/integration-page/integration-page';
import { renderWithApp } from '@/test/render';
import { integration, page, run, servePages } from '@/test/sync-runs-pages';

/** 40 runs, one every 15 minutes; PSA Contacts finds `total(i)` records (i = 0 is the newest). */
function serveHistory(total: (i: number) => number) {
  const runs = Array.from({ length: 40 }, (_, i) =>
    run(`r${i}`, 10 + i * 15, 'SUCCESS', {
      activities: [
        {
          activity_label: 'PSA Contacts',
          synced_count: 3,
          total_count: total(i),
          failures: [],
        },
      ],
    }),
  );
  servePages({ '': page(runs, null) });
}

const panel = () => screen.findByRole('region', { name: 'Unusual activity' }, { timeout: 5000 });
const settled = { timeout: 10_000 };

// A 30-day window of six slices loads in rounds: give each test room on a busy machine.
describe('Unusual activity', { timeout: 20_000 }, () => {
  it('says so in plain words, and shows exactly those runs on request', async () => {
    serveHistory((i) => (i < 14 ? 0 : 4000 + (i % 5) * 50));
    renderWithApp(<IntegrationPage integration={integration} />, {
      route: '/integrations/halopsa',
    });
    const unusual = await panel();
    await waitFor(
      () =>
        expect(unusual).toHaveTextContent(
          /PSA Contacts has found 0 records in each of the last 14 runs since .*; it usually finds about 4,\d00\./,
        ),
      settled,
    );
    // "Where is my record?" knows: a record created now cannot have come through.
    const finder = screen.getByRole('region', { name: 'Where is my record?' });
    expect(within(finder).getByText('Sync runs but finds nothing')).toBeInTheDocument();
    expect(finder).toHaveTextContent(/lost a permission in the PSA/);
    await userEvent.click(within(unusual).getByRole('button', { name: 'Show these runs' }));
    expect(
      await screen.findByText(/Showing 14 of 40 runs\./, undefined, settled),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Showing the 14 runs behind: PSA Contacts has found 0/),
    ).toBeInTheDocument();
    await userEvent.click(within(unusual).getByRole('button', { name: 'Show all runs' }));
    expect(
      await screen.findByText(/Showing 40 of 40 runs\./, undefined, settled),
    ).toBeInTheDocument();
  });

  it('says "Nothing unusual in this window" for a healthy history', async () => {
    serveHistory((i) => 4000 + (i % 7) * 40);
    renderWithApp(<IntegrationPage integration={integration} />, {
      route: '/integrations/halopsa',
    });
    await waitFor(
      () =>
        expect(screen.getByRole('region', { name: 'Unusual activity' })).toHaveTextContent(
          'Nothing unusual in this window.',
        ),
      settled,
    );
    expect(
      within(screen.getByRole('region', { name: 'Unusual activity' })).queryByRole('listitem'),
    ).toBeNull();
  });
});
