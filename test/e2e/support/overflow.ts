/**
 * Text-length checks for the real-browser suite (issue 11: French runs about a third longer than English).
 * `overflowing()` lists the elements matching `selector` whose content is wider than their box (a label cut
 * or spilling) or whose box leaves the container's, e.g. a toolbar button pushed off an 800 px panel. A
 * label that truncates on purpose (`text-overflow: ellipsis` with a tooltip) is allowed; hidden and visually hidden (`.sr-only`) ones are skipped.
 */
import type { Frame, Page } from 'playwright-core';

export async function overflowing(where: Page | Frame, selector: string, container = 'html'): Promise<string[]> {
  return where.evaluate(({ selector, container }) => {
    const box = document.querySelector(container)?.getBoundingClientRect();
    const right = Math.min(box?.right ?? Infinity, document.documentElement.clientWidth);
    const left = Math.max(box?.left ?? 0, 0);
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const r = el.getBoundingClientRect();
      if ((r.width === 0 && r.height === 0) || el.closest('.sr-only')) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden') continue;
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 50)}"`;
      const truncates = cs.textOverflow === 'ellipsis' && Boolean(el.closest('[title]')?.getAttribute('title'));
      if (cs.display !== 'inline' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !truncates) {
        out.push(`${name}: content ${el.scrollWidth}px wide in a ${el.clientWidth}px box`);
      }
      if (r.right > right + 1 || r.left < left - 1) {
        out.push(`${name}: ${Math.round(r.left)}–${Math.round(r.right)}px, outside ${Math.round(left)}–${Math.round(right)}px`);
      }
    }
    return out;
  }, { selector, container });
}

/** The check's own control: a planted button too narrow for its label must be reported (then it is removed). */
export async function catchesPlantedOverflow(where: Page | Frame): Promise<boolean> {
  await where.evaluate(() => {
    const b = document.createElement('button');
    b.className = 'planted-overflow';
    b.style.cssText = 'width: 40px; white-space: nowrap; overflow: hidden; position: fixed; top: 0; left: 0;';
    b.textContent = 'Un libellé bien trop long pour sa boîte';
    document.body.append(b);
  });
  try {
    return (await overflowing(where, '.planted-overflow')).length === 1;
  } finally {
    await where.evaluate(() => document.querySelector('.planted-overflow')?.remove());
  }
}
