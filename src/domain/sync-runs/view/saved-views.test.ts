import { describe, expect, it } from 'vitest';
import {
  MAX_SAVED_VIEWS,
  readSavedViews,
  saveView,
  suggestViewName,
  viewPath,
  type SavedView,
} from './saved-views';
import { DEFAULT_VIEW, parseViewParams } from './view-params';

const NOW = Date.parse('2026-12-02T10:00:00Z');
let counter = 0;
const newId = () => `v${++counter}`;

describe('saved views', () => {
  it('saves the view as its link: preset and zone written out, the selected run and search text left out', () => {
    const params = {
      ...DEFAULT_VIEW,
      window: { kind: 'preset', preset: '7d' } as const,
      statuses: ['FAILURE' as const],
      q: 'Ticket Types',
      run: 'r-1',
      tz: 'Europe/Berlin',
      sort: { key: 'duration', desc: true } as const,
    };
    const path = viewPath('halopsa', params);
    expect(path).toBe(
      '/integrations/halopsa?range=7d&status=FAILURE&tz=Europe%2FBerlin&sort=-duration',
    );
    // Read back with other defaults, the link is still exactly this view.
    const back = parseViewParams(new URLSearchParams(path.split('?')[1]), NOW, {
      preset: '24h',
      tz: 'utc',
    });
    expect(back.params).toEqual({ ...params, run: null, q: '' });
    expect(back.notices).toEqual([]);
    // Defaults are written out too.
    expect(viewPath('halopsa', DEFAULT_VIEW)).toBe('/integrations/halopsa?range=30d&tz=local');
  });

  it('names a view after what it shows, never after the search text', () => {
    expect(
      suggestViewName('HaloPSA', {
        ...DEFAULT_VIEW,
        window: { kind: 'preset', preset: '7d' },
        statuses: ['FAILURE'],
        q: 'Ticket',
      }),
    ).toBe('HaloPSA · Last 7 days · Failure');
  });

  it('adds new views first, replaces one of the same name, and refuses past the limit', () => {
    const first = saveView(
      [],
      { name: 'Halo failures', path: '/integrations/halopsa' },
      NOW,
      newId,
    );
    expect(first).toMatchObject({ ok: true, replaced: false });
    const views = first.ok ? first.views : [];
    const again = saveView(
      views,
      { name: ' halo FAILURES ', path: '/integrations/halopsa?range=7d' },
      NOW,
      newId,
    );
    expect(again).toMatchObject({ ok: true, replaced: true });
    expect(again.ok && again.views).toEqual([
      {
        id: views[0]!.id,
        name: 'halo FAILURES',
        path: '/integrations/halopsa?range=7d',
        savedAt: '2026-12-02T10:00:00.000Z',
      },
    ]);
    const full: SavedView[] = Array.from({ length: MAX_SAVED_VIEWS }, (_, i) => ({
      id: `id${i}`,
      name: `View ${i}`,
      path: '/integrations/halopsa',
      savedAt: '',
    }));
    expect(saveView(full, { name: 'One more', path: '/integrations/halopsa' }, NOW, newId)).toEqual(
      {
        ok: false,
        message: `You have ${MAX_SAVED_VIEWS} saved views, the most kept: delete one first.`,
      },
    );
    expect(saveView([], { name: '  ', path: '/integrations/halopsa' }, NOW, newId)).toMatchObject({
      ok: false,
    });
  });

  it('keeps only well-formed views from storage, and never another site or a script', () => {
    const stored = [
      { id: 'a', name: 'Good', path: '/integrations/halopsa?range=7d', savedAt: 'x' },
      { id: 'b', name: 'Other site', path: '//evil.example/integrations/x' },
      { id: 'c', name: 'Script', path: 'javascript:alert(1)' },
      { id: 'd', name: '', path: '/integrations/halopsa' },
      { id: 'a', name: 'Duplicate id', path: '/integrations/halopsa' },
      { id: 'e', name: 'Fragment', path: '/integrations/halopsa#x' },
      'not a view',
      null,
    ];
    expect(readSavedViews(stored).map((v) => v.name)).toEqual(['Good']);
    expect(readSavedViews({ not: 'a list' })).toEqual([]);
    expect(readSavedViews(null)).toEqual([]);
  });

  it('drops the search text of a view saved with it, and of a path handed to save', () => {
    const stored = [
      { id: 'a', name: 'Old', path: '/integrations/halopsa?range=7d&q=Acme+Corp&tz=utc' },
      { id: 'b', name: 'Only search', path: '/integrations/halopsa?q=Acme' },
    ];
    expect(readSavedViews(stored).map((v) => v.path)).toEqual([
      '/integrations/halopsa?range=7d&tz=utc',
      '/integrations/halopsa',
    ]);
    const saved = saveView(
      [],
      { name: 'Acme', path: '/integrations/halopsa?range=7d&q=Acme' },
      NOW,
      newId,
    );
    expect(saved).toMatchObject({ ok: true, views: [{ path: '/integrations/halopsa?range=7d' }] });
  });
});
