import type { Metrics, ScrollerLayout } from './api';
import { pendingImages } from './loading';
import type { Box } from './roots';
import { deepAll, roots, visible } from './roots';
import { state } from './state';
import { setStyle } from './styles';

/**
 * What scrolls is the document, or, on app shells whose document cannot scroll (Mastodon, Bluesky,
 * Threads: `html, body {height: 100%; overflow: hidden}`), the largest scrollable element. The rows of
 * the window it shows through are "the band". browsertrix-behaviors' autoscroll (src/autoscroll.ts)
 * follows only `window.scrollY`, which is why such pages came out as one screen.
 */

export const offset = () => (state.scroller ? state.scroller.scrollTop : window.scrollY);

export function band(): Box {
  const scroller = state.scroller;
  if (!scroller) return { top: 0, bottom: innerHeight, left: 0, right: innerWidth };
  const r = scroller.getBoundingClientRect();
  const top = Math.max(0, Math.round(r.top + scroller.clientTop));
  const left = Math.max(0, r.left + scroller.clientLeft);
  return { top, bottom: Math.min(innerHeight, top + scroller.clientHeight), left, right: Math.min(innerWidth, left + scroller.clientWidth) };
}

const visibleBox = (r: DOMRect) => ({ w: Math.min(r.right, innerWidth) - Math.max(r.left, 0), h: Math.min(r.bottom, innerHeight) - Math.max(r.top, 0) });

/**
 * Decides what scrolls: the document when it can, else the largest scrollable element that covers
 * at least half the window's height and a fifth of its area. Turns scroll anchoring off, so that
 * content added above does not move the page under the capture (the capture follows it instead).
 */
export function findScroller(): ScrollerLayout {
  for (const el of [document.documentElement, document.body]) if (el) setStyle(el, 'overflow-anchor', 'none');
  const se = document.scrollingElement || document.documentElement;
  if (se.scrollHeight > innerHeight + 1) return { kind: 'document', others: 0 };
  const candidates: Array<{ el: Element; area: number }> = [];
  let clipped = false;
  const all = document.body ? [document.body, ...document.body.getElementsByTagName('*')] : [];
  for (const el of all) {
    if (el.scrollHeight <= el.clientHeight + 1) continue;
    const r = el.getBoundingClientRect();
    const { w, h } = visibleBox(r);
    if (w <= 0 || h < innerHeight * 0.5 || w * h < innerWidth * innerHeight * 0.2 || !visible(el)) continue;
    const overflow = getComputedStyle(el).overflowY;
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') candidates.push({ el, area: w * h });
    else if (el.scrollHeight > el.clientHeight + 50 && r.bottom >= innerHeight - 2) clipped = true;
  }
  candidates.sort((a, b) => b.area - a.area);
  const scroller = candidates[0]?.el;
  if (!scroller) return { kind: clipped ? 'clipped' : 'document', others: 0 };
  state.scroller = scroller;
  setStyle(scroller, 'overflow-anchor', 'none');
  const others = candidates.filter((c) => !c.el.contains(scroller) && !scroller.contains(c.el)).length;
  return { kind: 'element', others };
}

/** Where the page stands: the scroll offset, the band, and the height of the content in content coordinates. */
export function metrics(): Metrics {
  const b = band();
  const se = document.scrollingElement || document.documentElement;
  const maxScroll = state.scroller ? state.scroller.scrollHeight - state.scroller.clientHeight : se.scrollHeight - innerHeight;
  return { offset: offset(), innerWidth, innerHeight, bandTop: b.top, bandBottom: b.bottom, contentHeight: Math.max(0, maxScroll) + b.bottom };
}

/**
 * A loading indicator in the window: X shows a [role=progressbar] at the bottom of its timeline
 * while the next page loads (platforms.md), often before the request for it starts. Only
 * indeterminate ones: a bar with a value (reading progress, a video) says nothing is loading.
 */
export function loadingShown(): boolean {
  for (const { el, dy } of deepAll(roots(), '[role="progressbar"]:not([aria-valuenow]), [aria-busy="true"], progress:not([value])')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && r.top + dy < innerHeight && r.bottom + dy > 0 && visible(el)) return true;
  }
  return false;
}

/** At the end of the content: how high it is now, and whether a loading indicator says more is coming. */
export const growth = () => ({ contentHeight: metrics().contentHeight, loading: loadingShown() });

/**
 * Scrolls to offset y and resolves once the page has reacted: its IntersectionObservers have been
 * told (they are notified in one task, in the order they were made, so when an observer made now
 * is called, the page's have run), and a frame has been laid out. Resolves with the images in view
 * still loading.
 */
export function scrollTo(y: number): Promise<number> {
  (state.scroller || window).scrollTo({ top: y, left: 0, behavior: 'instant' });
  return new Promise((resolve) => {
    const probe = new IntersectionObserver(() => {
      probe.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(pendingImages())));
    });
    probe.observe(document.documentElement);
  });
}
