import type { AfterTile, PreparedTile, TextRead, Tile } from './api';
import { anchorAt, anchorShift } from './anchors';
import { expand } from './expand';
import { bottomBars, floating } from './floating';
import { pendingImages } from './loading';
import { roots } from './roots';
import { metrics, offset } from './scrolling';
import { config } from './state';
import { barrier } from './walls';
import { collectWords, countPosts, postDates } from './words';

/** One picture of the window, as scroll-capture.ts takes them: made ready, read, and checked after. */

/**
 * Readies the window for its picture: floating elements, expand buttons at or below the content
 * coordinate 'captured', a login wall or a bot check, and how far the page has moved since the last picture.
 */
export function prepareTile(first: boolean, captured: number): PreparedTile {
  const rs = roots();
  // Walls appear after a few screens, often as fixed dialogs: look before anything is hidden.
  const wall = barrier(rs);
  if (wall) return { clicked: 0, pushed: 0, wall, shift: { move: 0, skipped: 0 } };
  floating(rs, first);
  const entries = history.length;
  const n = expand(rs, captured - offset());
  return { clicked: n, pushed: history.length - entries, wall: barrier(rs), shift: anchorShift(captured) };
}

/**
 * What the window shows from the content coordinate 'captured' down, at most maxRows: rows, words,
 * posts, post dates, and the images in those rows still loading as the picture is about to be taken.
 * On the first screen the bars along the bottom are left for the end.
 */
export function readTile(first: boolean, captured: number, maxRows: number): Tile {
  const m = metrics();
  const fromRow = captured - m.offset;
  let toRow = m.bandBottom;
  if (first) for (const bar of bottomBars()) toRow = Math.min(toRow, bar.top);
  toRow = Math.max(fromRow, Math.min(toRow, fromRow + maxRows));
  const rs = roots();
  return {
    metrics: m,
    fromRow,
    toRow,
    ...collectWords(rs, fromRow, toRow),
    posts: countPosts(rs, config().postSelector, fromRow, toRow),
    dates: postDates(rs, fromRow, toRow),
    pending: pendingImages(fromRow, toRow),
  };
}

/**
 * After a picture: how the page moved while it was taken (see anchorShift), and whether it was
 * still changing: the content grew or shrank, or an image in the picture's rows was still loading
 * (the words were read before the picture). When neither, the anchors are set at 'toRow'.
 */
export function afterTile(captured: number, fromRow: number, toRow: number, contentHeight: number): AfterTile {
  const shift = anchorShift(captured);
  const pending = pendingImages(fromRow, toRow);
  const unsettled = metrics().contentHeight !== contentHeight || pending > 0;
  if (shift.move === 0 && !unsettled) anchorAt(toRow);
  return { shift, unsettled, pending };
}

/** The visible words of rows [fromRow, innerHeight), for the strip below the content. */
export const tailWords = (fromRow: number): TextRead => collectWords(roots(), fromRow, innerHeight);
