import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewParams, resolveWindow, serializeViewParams } from './view-params';

const NOW = Date.parse('2026-11-29T12:00:30Z');
const parse = (query: string) => parseViewParams(new URLSearchParams(query), NOW);

describe('parseViewParams', () => {
  it('gives the default view for an empty query, with no notices', () => {
    expect(parse('')).toEqual({ params: DEFAULT_VIEW, notices: [] });
  });

  it('reads a full deep link', () => {
    const { params, notices } = parse(
      'since=2026-11-20T00:00:00Z&until=2026-11-27T00:00:00Z&status=FAILURE,skipped&q=Ticket%20Types&run=r-42&tz=utc',
    );
    expect(notices).toEqual([]);
    expect(params).toEqual({
      window: {
        kind: 'custom',
        since: '2026-11-20T00:00:00.000Z',
        until: '2026-11-27T00:00:00.000Z',
      },
      statuses: ['FAILURE', 'SKIPPED'],
      q: 'Ticket Types',
      run: 'r-42',
      sig: null,
      anomaly: null,
      tz: 'utc',
      sort: { key: 'started', desc: true },
    });
  });

  it('drops unknown statuses and says so', () => {
    const { params, notices } = parse('status=FAILURE,EXPLODED');
    expect(params.statuses).toEqual(['FAILURE']);
    expect(notices.join(' ')).toContain('EXPLODED');
  });

  it('swaps since and until when reversed', () => {
    const { params, notices } = parse('since=2026-11-27T00:00:00Z&until=2026-11-20T00:00:00Z');
    expect(params.window).toEqual({
      kind: 'custom',
      since: '2026-11-20T00:00:00.000Z',
      until: '2026-11-27T00:00:00.000Z',
    });
    expect(notices.join(' ')).toMatch(/swapped/);
  });

  it('shortens a window over 30 days to the 30 days before until', () => {
    const { params, notices } = parse('since=2026-09-01T00:00:00Z&until=2026-11-01T00:00:00Z');
    expect(params.window).toEqual({
      kind: 'custom',
      since: '2026-10-02T00:00:00.000Z',
      until: '2026-11-01T00:00:00.000Z',
    });
    expect(notices.join(' ')).toMatch(/30 days/);
  });

  it('falls back to the default window for unparseable dates', () => {
    const { params, notices } = parse('since=yesterday&until=%3Cscript%3E');
    expect(params.window).toEqual(DEFAULT_VIEW.window);
    expect(notices.length).toBeGreaterThanOrEqual(2);
  });

  it('completes a window given only since', () => {
    const { params } = parse('since=2026-11-28T00:00:00Z');
    expect(params.window).toEqual({
      kind: 'custom',
      since: '2026-11-28T00:00:00.000Z',
      until: new Date(NOW).toISOString(),
    });
  });

  it('rejects unknown presets and time-zone modes with notices', () => {
    const { params, notices } = parse('range=90d&tz=mars');
    expect(params.window).toEqual(DEFAULT_VIEW.window);
    expect(params.tz).toBe('local');
    expect(notices).toHaveLength(2);
  });
});

describe('serializeViewParams', () => {
  it('round-trips and drops defaults', () => {
    const { params } = parse('range=7d&status=FAILURE&q=board&run=abc&sig=1x2y3z');
    const text = serializeViewParams(params).toString();
    expect(text).toBe('range=7d&status=FAILURE&q=board&run=abc&sig=1x2y3z');
    expect(parseViewParams(new URLSearchParams(text), NOW).params).toEqual(params);
    expect(serializeViewParams(DEFAULT_VIEW).toString()).toBe('');
  });
});

describe('resolveWindow', () => {
  it('ends presets at the next whole minute', () => {
    expect(resolveWindow({ kind: 'preset', preset: '24h' }, NOW)).toEqual({
      since: '2026-11-28T12:01:00.000Z',
      until: '2026-11-29T12:01:00.000Z',
    });
  });
});

describe('the runs table sort in links', () => {
  const sortOf = (search: string) => parseViewParams(new URLSearchParams(search), NOW);

  it('reads a column and a direction, and writes them back', () => {
    const { params, notices } = sortOf('sort=-duration');
    expect(notices).toEqual([]);
    expect(params.sort).toEqual({ key: 'duration', desc: true });
    expect(serializeViewParams(params).get('sort')).toBe('-duration');
    expect(sortOf('sort=failures').params.sort).toEqual({ key: 'failures', desc: false });
  });

  it('leaves newest-first out of links', () => {
    const { params } = sortOf('sort=-started');
    expect(params.sort).toEqual({ key: 'started', desc: true });
    expect(serializeViewParams(params).has('sort')).toBe(false);
  });

  it('corrects an unknown column to newest first and says so', () => {
    const { params, notices } = sortOf('sort=-banana');
    expect(params.sort).toEqual({ key: 'started', desc: true });
    expect(notices.join(' ')).toContain('banana');
  });
});

describe('time zones in links', () => {
  it('reads any IANA zone, keeps tz=utc, and says what it could not read', () => {
    expect(parse('tz=Europe/Berlin').params.tz).toBe('Europe/Berlin');
    expect(parse('tz=europe%2Fberlin').params.tz).toBe('Europe/Berlin');
    expect(parse('tz=utc').params.tz).toBe('utc');
    const bad = parse('tz=Mars/Olympus');
    expect(bad.params.tz).toBe('local');
    expect(bad.notices).toEqual(['"Mars/Olympus" is not a time zone; showing local time.']);
    expect(serializeViewParams({ ...DEFAULT_VIEW, tz: 'Asia/Tokyo' }).toString()).toBe(
      'tz=Asia%2FTokyo',
    );
  });
});

describe('remembered defaults', () => {
  const defaults = { preset: '7d', tz: 'Europe/Berlin' } as const;

  it('fill in what a link leaves out, never what it says', () => {
    const bare = parseViewParams(new URLSearchParams(''), NOW, defaults).params;
    expect(bare.window).toEqual({ kind: 'preset', preset: '7d' });
    expect(bare.tz).toBe('Europe/Berlin');
    const explicit = parseViewParams(
      new URLSearchParams('range=30d&tz=local'),
      NOW,
      defaults,
    ).params;
    expect(explicit.window).toEqual({ kind: 'preset', preset: '30d' });
    expect(explicit.tz).toBe('local');
    // A pinned window is never replaced by the remembered preset.
    const pinned = parseViewParams(
      new URLSearchParams('since=2026-11-20T00:00:00Z&until=2026-11-21T00:00:00Z'),
      NOW,
      defaults,
    ).params;
    expect(pinned.window.kind).toBe('custom');
  });

  it('write out every value that differs from either default, so the address bar is exact', () => {
    const at = (query: string) => parseViewParams(new URLSearchParams(query), NOW, defaults);
    // 30 days and local time differ from this browser's defaults: they stay in the link.
    const shown = at('range=30d&tz=local&status=FAILURE').params;
    expect(serializeViewParams(shown, { defaults }).toString()).toBe(
      'range=30d&status=FAILURE&tz=local',
    );
    // The remembered 7 days differ from the fallback: written too, so others see the same.
    expect(serializeViewParams(at('').params, { defaults }).toString()).toBe(
      'range=7d&tz=Europe%2FBerlin',
    );
    for (const query of ['range=30d&tz=local&status=FAILURE', '', 'range=24h&tz=utc']) {
      const params = at(query).params;
      const again = at(serializeViewParams(params, { defaults }).toString()).params;
      expect(again).toEqual(params);
    }
  });
});
