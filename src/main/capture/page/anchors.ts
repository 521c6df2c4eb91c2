import type { Shift } from './api';
import { isFixed } from './roots';
import { band, offset } from './scrolling';
import { state } from './state';

/**
 * Takes the elements at rows of the last picture, its last rows among them, as anchors that
 * show whether the content moves, and where each stood (content coordinates).
 */
export function anchorAt(toRow: number): void {
  const b = band();
  const bottom = Math.min(toRow, b.bottom) - 1;
  const height = bottom - b.top;
  const at = offset();
  const anchors: typeof state.anchors = [];
  // Near the last row often and thinly (a feed's loading indicator and its sentinel are there), and at the quarters.
  for (const y of [bottom, bottom - 30, bottom - 60, bottom - 120, bottom - height * 0.25, bottom - height * 0.5, bottom - height * 0.75].filter((r) => r >= b.top)) {
    for (const f of [0.5, 0.25, 0.75]) {
      for (const el of document.elementsFromPoint(b.left + (b.right - b.left) * f, y)) {
        if (el === document.documentElement || el === document.body || el === state.scroller) break;
        const r = el.getBoundingClientRect();
        // A feed's container grows with it and keeps its top; only an element near the row moves with the content.
        if (r.height > innerHeight * 2 || isFixed(el)) continue;
        if (!anchors.some((a) => a.el === el)) anchors.push({ el, top: r.top + at });
        break;
      }
    }
  }
  state.anchors = anchors;
}

/**
 * Where the capture goes on, given that it was to go on from content coordinate 'captured': how
 * far to move it ('move') and how many px of added content lie above it ('skipped'). When every
 * anchor moved by the same amount, content was added above the part already captured: the capture
 * follows the content and says what it skipped. When only the lower anchors moved, content was
 * added inside the last picture (a feed puts its next posts above its loading indicator): the
 * capture goes back to where it was added, repeating a strip rather than missing what the page holds.
 */
export function anchorShift(captured: number): Shift {
  const at = offset();
  // An anchor taken out of the page, or out of its layout (display: none), says nothing of where the content is.
  const live = state.anchors.filter((a) => a.el.isConnected && a.el.getClientRects().length > 0).map((a) => ({ a, now: a.el.getBoundingClientRect().top + at }));
  if (live.length === 0) return { move: 0, skipped: 0 };
  const least = Math.round(Math.min(...live.map(({ a, now }) => now - a.top)));
  let from = captured + least;
  for (const { a, now } of live) if (Math.round(now - a.top) > least) from = Math.min(from, Math.round(a.top + least));
  for (const l of live) l.a.top = l.now;
  return { move: from - captured, skipped: Math.max(0, least) };
}
