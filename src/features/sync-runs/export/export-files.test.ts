import { describe, expect, it } from 'vitest';
import { makeRun } from '@/test/fixtures';
import { failureSignatures } from '@/domain/sync-runs/judgements/signatures';
import { anomaliesExport, exportStem, runsExport, signaturesExport, toCsv } from './export-files';

const window = { since: '2026-11-01T00:00:00.000Z', until: '2026-11-08T00:00:00.000Z' };
const hostile = makeRun({
  run_id: 'r-1',
  status: 'FAILURE',
  started_at: '2026-11-02T10:00:00Z',
  finished_at: '2026-11-02T10:01:00Z',
  error: '=HYPERLINK("http://evil.example","x")',
  dashboard_message: 'line one\nline "two", with comma',
  activities: [
    {
      activity_label: '@SUM(1)',
      synced_count: 2,
      total_count: 5,
      failures: [
        { resource_label: '-2+3', parent_label: null, reason: '+x', error_message: 'denied' },
      ],
    },
  ],
});

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  return [...cells, cell];
}

describe('exports', () => {
  it('names files after the integration and window', () => {
    expect(exportStem('runs', 'halopsa', window)).toBe(
      'sync-runs_halopsa_2026-11-01T0000Z_2026-11-08T0000Z',
    );
    expect(runsExport('csv', 'halopsa', window, []).name).toMatch(/\.csv$/);
    expect(signaturesExport('json', '../x y', window, []).name).toBe(
      'sync-failures_-x-y_2026-11-01T0000Z_2026-11-08T0000Z.json',
    );
  });

  it('writes every run column with UTC times, and no cell can start a formula', () => {
    const csv = runsExport('csv', 'halopsa', window, [hostile]).content;
    expect(csv.split('\r\n')[0]).toBe(
      'run_id,status,started_at,finished_at,temporal_workflow_id,temporal_run_id,activities,' +
        'synced_count,total_count,failure_count,error,dashboard_message',
    );
    const [header, row] = csv.trimEnd().split('\r\n').map(parseCsvLine);
    const cells = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(cells).toMatchObject({
      run_id: 'r-1',
      started_at: '2026-11-02T10:00:00Z',
      synced_count: '2',
      total_count: '5',
      failure_count: '1',
      error: `'=HYPERLINK("http://evil.example","x")`,
      activities: `'@SUM(1)`,
      dashboard_message: 'line one line "two", with comma',
    });
    for (const cell of row!) expect(cell).not.toMatch(/^\s*[=+\-@]/);
  });

  it('exports failure signatures as CSV and the untouched data as JSON', () => {
    const signatures = failureSignatures([hostile]);
    const csv = signaturesExport('csv', 'halopsa', window, signatures).content;
    const [, row] = csv.trimEnd().split('\r\n').map(parseCsvLine);
    expect(row?.slice(0, 5)).toEqual(['open', `'@SUM(1)`, `'-2+3`, '', `'+x`]);
    const json = JSON.parse(runsExport('json', 'halopsa', window, [hostile]).content);
    expect(json).toEqual({ integration: 'halopsa', window, runs: [hostile] });
  });

  it('quotes cells with commas, quotes and line breaks per RFC 4180', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n');
  });
});

describe('unusual activity export', () => {
  const anomaly = {
    kind: 'finds-nothing' as const,
    activity: 'PSA Contacts',
    sentence: '=cmd PSA Contacts has found 0 records in each of the last 3 runs',
    since: '2026-11-26T10:00:00.000Z',
    runIds: ['r1', 'r2', 'r3'],
    evidence: { runs: 3, usual: 4000, most: 0 },
  };
  const window = { since: '2026-11-01T00:00:00.000Z', until: '2026-11-08T00:00:00.000Z' };

  it('writes every finding with its runs and evidence, formula-safe, as CSV and JSON', () => {
    const csv = anomaliesExport('csv', 'halopsa', window, [anomaly]);
    expect(csv.name).toBe('sync-unusual_halopsa_2026-11-01T0000Z_2026-11-08T0000Z.csv');
    const [header, row] = csv.content.split('\r\n');
    expect(header).toBe('kind,activity,since,sentence,run_count,run_ids,evidence');
    expect(row).toContain("finds-nothing,PSA Contacts,2026-11-26T10:00:00.000Z,'=cmd PSA Contacts");
    expect(row).toContain(',3,r1 r2 r3,');
    const json = JSON.parse(anomaliesExport('json', 'halopsa', window, [anomaly]).content);
    expect(json).toEqual({ integration: 'halopsa', window, anomalies: [anomaly] });
  });
});
