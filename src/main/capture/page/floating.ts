import type { Root } from './roots';
import { ownElements, roots, visible } from './roots';
import { band } from './scrolling';
import { hidden, state, unstuck } from './state';
import { hide, resetStyle, setStyle } from './styles';

/**
 * Sticky elements are made to scroll with the page, so each part of them (a sticky header, or a
 * Facebook side column taller than the window) appears once, where it first scrolls into view.
 * After the first screen, fixed elements are hidden, and on an app shell everything beside the
 * scroller, so that bars and side panels are shown once and do not cover content.
 */
export function floating(rs: Root[], first: boolean): void {
  const scroller = state.scroller;
  for (const el of ownElements(rs)) {
    if (unstuck.has(el) || hidden.has(el)) continue;
    const position = getComputedStyle(el).position;
    if (position === 'sticky') {
      unstuck.add(el);
      setStyle(el, 'position', 'relative');
      for (const side of ['top', 'right', 'bottom', 'left']) setStyle(el, side, 'auto');
    } else if (position === 'fixed' && !first && !(scroller && el.contains(scroller))) hide(el);
  }
  if (first || !scroller) return;
  for (let node: Element = scroller; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement.children) if (sibling !== node) hide(sibling);
  }
}

/**
 * Fixed elements in the lower half of the window that are no taller than two fifths of it: a
 * logged-out bar, a cookie bar that stays, a chat button. What lies under them is captured in the
 * next picture, and they are shown once, at the end.
 */
export function bottomBars(): Array<{ el: Element; top: number }> {
  const b = band();
  const scroller = state.scroller;
  const out: Array<{ el: Element; top: number }> = [];
  for (const el of ownElements(roots())) {
    if (hidden.has(el) || getComputedStyle(el).position !== 'fixed' || (scroller && el.contains(scroller))) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.top < innerHeight / 2 || r.top >= b.bottom || r.height > innerHeight * 0.4 || !visible(el)) continue;
    out.push({ el, top: Math.floor(r.top) });
  }
  return out;
}

/**
 * Readies the strip below the content, shown once at the end: the bars along the bottom, and on
 * an app shell what lies below the scroller. The content is hidden, so nothing it shows appears
 * twice. Resolves with the strip's top row, or null when there is no strip.
 */
export async function prepareTail(): Promise<number | null> {
  for (const el of hidden) resetStyle(el as HTMLElement, 'visibility');
  hidden.clear();
  const bars = bottomBars();
  const top = Math.min(band().bottom, ...bars.map((bar) => bar.top));
  if (top >= innerHeight) return null;
  setStyle(state.scroller || document.body, 'visibility', 'hidden');
  for (const bar of bars) setStyle(bar.el, 'visibility', 'visible');
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return top;
}
