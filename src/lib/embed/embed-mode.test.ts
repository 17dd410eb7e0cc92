import { describe, expect, it } from 'vitest';
import { framing } from './embed-mode';

const ALLOWED = ['https://portal.example.com'];

/** A window as framing() sees it: framed or not, and what the browser says of the parent. */
function fakeWindow(options: {
  framed: boolean;
  ancestor?: string;
  ancestors?: string[];
  referrer?: string;
}): Window {
  const self = {} as Window;
  const ancestors = options.ancestors ?? (options.ancestor ? [options.ancestor] : undefined);
  return {
    self,
    top: options.framed ? ({} as Window) : self,
    location: { origin: 'https://sync-runs.example.com', ancestorOrigins: ancestors },
    document: { referrer: options.referrer ?? '' },
  } as unknown as Window;
}

describe('framing', () => {
  it('lets the widget run at the top, or framed by an allowed portal', () => {
    expect(framing(fakeWindow({ framed: false }), ALLOWED)).toBe('top');
    expect(framing(fakeWindow({ framed: true, ancestor: ALLOWED[0] }), ALLOWED)).toBe('allowed');
    expect(
      framing(fakeWindow({ framed: true, referrer: `${ALLOWED[0]}/tickets/42` }), ALLOWED),
    ).toBe('allowed');
  });

  it('refuses any other parent, and a parent the browser does not name', () => {
    expect(framing(fakeWindow({ framed: true, ancestor: 'https://evil.example' }), ALLOWED)).toBe(
      'not-allowed',
    );
    expect(framing(fakeWindow({ framed: true }), ALLOWED)).toBe('not-allowed');
    expect(framing(fakeWindow({ framed: true, ancestor: ALLOWED[0] }), [])).toBe('not-allowed');
  });

  it('refuses an allowed portal that is itself framed by another page, as frame-ancestors does', () => {
    const nested = fakeWindow({ framed: true, ancestors: [ALLOWED[0]!, 'https://evil.example'] });
    expect(framing(nested, ALLOWED)).toBe('not-allowed');
    const twoPortals = fakeWindow({
      framed: true,
      ancestors: [ALLOWED[0]!, 'https://sync-runs.example.com'],
    });
    expect(framing(twoPortals, ALLOWED)).toBe('allowed');
  });
});
