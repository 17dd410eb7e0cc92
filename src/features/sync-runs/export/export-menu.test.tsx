// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeRun } from '@/test/fixtures';
import { ExportMenu } from './export-menu';

const window = { since: '2026-11-01T00:00:00.000Z', until: '2026-11-08T00:00:00.000Z' };

afterEach(() => vi.restoreAllMocks());

describe('ExportMenu', () => {
  it('downloads the runs of the view as a CSV named after the integration and window', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:export';
    });
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    render(
      <ExportMenu
        integration="halopsa"
        window={window}
        runs={[makeRun({ run_id: 'r-1' }), makeRun({ run_id: 'r-2' })]}
        signatures={[]}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Runs (CSV, 2)' }));
    expect(names).toEqual(['sync-runs_halopsa_2026-11-01T0000Z_2026-11-08T0000Z.csv']);
    const text = await blobs[0]!.text();
    expect(text.split('\r\n')[0]).toMatch(/^run_id,status,started_at/);
    expect(text).toContain('r-2');

    await userEvent.click(screen.getByRole('button', { name: 'Failures (JSON, 0)' }));
    expect(names[1]).toBe('sync-failures_halopsa_2026-11-01T0000Z_2026-11-08T0000Z.json');
    expect(JSON.parse(await blobs[1]!.text())).toMatchObject({ signatures: [] });
  });
});
