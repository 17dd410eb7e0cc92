// Layout checks for small screens: does the page scroll sideways, and what sticks out if it does.
import type { Frame, Page } from '@playwright/test';

export type Overflow = { pageWidth: number; viewportWidth: number; offenders: string[] };

/** The page's own width against its viewport, and the outermost elements that stick out. */
export async function horizontalOverflow(target: Page | Frame): Promise<Overflow> {
  return target.evaluate(() => {
    const viewportWidth = document.documentElement.clientWidth;
    const offenders: string[] = [];
    const scrolls = (el: Element) => {
      const style = getComputedStyle(el);
      return ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX);
    };
    const sticksOut = (el: Element) => {
      const rect = el.getBoundingClientRect();
      return rect.width > 0 && (rect.right > viewportWidth + 0.5 || rect.left < -0.5);
    };
    // The innermost elements that stick out: the ones to fix.
    const walk = (el: Element) => {
      for (const child of Array.from(el.children)) {
        const rect = child.getBoundingClientRect();
        const inner = scrolls(child) ? [] : Array.from(child.children).filter(sticksOut);
        if (sticksOut(child) && inner.length === 0) {
          const name = `${child.tagName.toLowerCase()}${child.id ? `#${child.id}` : ''}.${String(
            child.getAttribute('class') ?? '',
          )
            .split(' ')
            .slice(0, 4)
            .join('.')} [${Math.round(rect.left)}–${Math.round(rect.right)}] ${(
            child.textContent ?? ''
          )
            .trim()
            .slice(0, 40)}`;
          offenders.push(name);
          if (offenders.length > 12) return;
        }
        if (!scrolls(child)) walk(child);
      }
    };
    walk(document.body);
    return { pageWidth: document.documentElement.scrollWidth, viewportWidth, offenders };
  });
}

/** Visible buttons, links and fields smaller than `min` px in height or width, by name. */
export async function smallTargets(target: Page | Frame, min = 44): Promise<string[]> {
  return target.evaluate((minimum) => {
    const found: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input:not([type=hidden]), select, [role=button], [role=tab], summary',
    );
    for (const el of Array.from(controls)) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (el.closest('[data-dense-targets]')) continue;
      if (rect.height < minimum - 0.5 || rect.width < minimum - 0.5) {
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
        found.push(`${name.slice(0, 40)} (${Math.round(rect.width)}×${Math.round(rect.height)})`);
      }
    }
    return found;
  }, min);
}

/** Visible controls a user cannot get to: outside the viewport sideways and not in a scroll region. */
export async function unreachableControls(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (el: Element) => {
      for (let node = el.parentElement; node; node = node.parentElement)
        if (['auto', 'scroll'].includes(getComputedStyle(node).overflowX)) return true;
      return false;
    };
    const found: string[] = [];
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea'),
    )) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if ((rect.left < -0.5 || rect.right > width + 0.5) && !inScroller(el))
        found.push((el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).slice(0, 40));
    }
    return found;
  });
}
