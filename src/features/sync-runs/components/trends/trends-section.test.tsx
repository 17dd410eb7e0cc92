// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { detectAnomalies } from '@/domain/sync-runs/judgements/anomalies/detect';
import type { SyncRun } from '@/lib/api/schemas';
import { makeRun } from '@/test/fixtures';
import { TrendsSection } from './trends-section';

const MIN = 60_000;
const NOW = Date.parse('2026-11-29T12:00:00Z');
const SINCE = NOW - 86_400_000;

/** 40 runs every 15 minutes; PSA Contacts finds nothing in the newest 12. */
function history(): SyncRun[] {
  return Array.from({ length: 40 }, (_, k) => {
    const i = 39 - k;
    const start = NOW - (40 - i) * 15 * MIN;
    return makeRun({
      run_id: `r${i}`,
      started_at: new Date(start).toISOString(),
      finished_at: new Date(start + MIN + (i % 4) * 1000).toISOString(),
      activities: [
        {
          activity_label: 'PSA Contacts',
          total_count: i >= 28 ? 0 : 4000 + (i % 5) * 10,
          synced_count: i >= 28 ? 0 : 5,
          failures: [],
        },
        { activity_label: 'PSA Companies', total_count: 300, synced_count: 1, failures: [] },
      ],
    });
  });
}

describe('Trends', () => {
  it('draws a chart per activity and one of run duration, each with a text alternative', async () => {
    const runs = history();
    const { anomalies } = detectAnomalies(runs, NOW);
    render(<TrendsSection runs={runs} since={SINCE} until={NOW} anomalies={anomalies} />);
    const section = screen.getByRole('region', { name: 'Trends' });
    const contacts = await within(section).findByRole('figure', { name: 'PSA Contacts' });
    expect(contacts).toHaveAccessibleDescription(
      /^PSA Contacts over 40 runs: items seen usually 4,0\d0 \(from 0 to 4,040\), latest 0; items synced usually 5 \(from 0 to 5\), latest 0\. Marked as unusual: PSA Contacts has found 0 records in each of the last 12 runs/,
    );
    expect(within(contacts).getByText('Unusual')).toBeInTheDocument();
    const companies = await within(section).findByRole('figure', { name: 'PSA Companies' });
    expect(companies).toHaveAccessibleDescription(
      'PSA Companies over 40 runs: items seen always 300; items synced always 1. Nothing unusual marked.',
    );
    expect(within(companies).queryByText('Unusual')).toBeNull();
    expect(
      within(section).getByRole('figure', { name: 'Run duration' }),
    ).toHaveAccessibleDescription(
      /^Run duration over 40 runs: usually 1m 0[12]s \(from 1m 00s to 1m 03s\), latest 1m 03s\. Nothing unusual marked\.$/,
    );
    expect(within(section).getByText('One point per finished run.')).toBeInTheDocument();
    // The chart itself is hidden from assistive technology: the caption says what it shows.
    expect(contacts.querySelector('svg')?.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('says it waits for the whole window before drawing anything', () => {
    render(<TrendsSection runs={history()} since={SINCE} until={NOW} anomalies={null} />);
    expect(screen.getByRole('region', { name: 'Trends' })).toHaveTextContent(
      'Trends are drawn once every run of the window has loaded…',
    );
    expect(screen.queryByRole('figure')).toBeNull();
  });

  it('says when there is nothing to draw', async () => {
    render(<TrendsSection runs={[]} since={SINCE} until={NOW} anomalies={[]} />);
    expect(
      await screen.findByText('No finished runs in this window to draw trends of.'),
    ).toBeInTheDocument();
  });
});
