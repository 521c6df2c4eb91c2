import type { SnapshotMetadata } from '../../shared/snapshot';
import type { Word } from './words';
import { A4 } from './writer';

/** Points per CSS pixel: 72 pt per inch over 96 CSS px per inch. */
const PT_PER_PX = 0.75;

/** A content page's margin and the band its header line takes, in points. */
export const PRINT_MARGIN = 28;
export const HEADER_BAND = 20;
/** The picture's area on an A4 page, in points. */
export const CONTENT = { width: A4[0] - 2 * PRINT_MARGIN, height: A4[1] - 2 * PRINT_MARGIN - HEADER_BAND };

/** One A4 content page: the rows [top, bottom) of a picture, drawn at `scale` points per CSS pixel. */
export interface PrintPage {
  top: number;
  bottom: number;
  scale: number;
  /** The screenshot pieces (indices into metadata.pages) the rows come from. */
  pieces: number[];
}

/** How far a cut may move up to fall between lines of text rather than through one. */
const CUT_SLACK = 0.15;

/**
 * Cuts a record's picture into A4 pages. Consecutive pieces of one width are one picture (a page
 * captured in pieces); each picture is cut on its own (a comment record has two or three). The
 * capture width fills the page width (never enlarged past natural size, 0.75 pt per px), so a
 * page holds `CONTENT.height / scale` rows; a cut that would go through a word moves up, by at
 * most 15 % of a page, to the gap above it, so that no line of text is split between two sheets.
 */
export function printLayout(pieces: SnapshotMetadata['pages'], words: Word[]): PrintPage[] {
  const pages: PrintPage[] = [];
  for (const picture of pictures(pieces)) {
    const first = pieces[picture[0]!]!;
    const last = pieces[picture.at(-1)!]!;
    const scale = Math.min(PT_PER_PX, CONTENT.width / first.width);
    const rows = Math.floor(CONTENT.height / scale);
    const end = last.top + last.height;
    for (let top = first.top; top < end; ) {
      const bottom = top + rows >= end ? end : cutBetweenLines(top + rows, top + rows * (1 - CUT_SLACK), words);
      pages.push({ top, bottom, scale, pieces: picture.filter((i) => pieces[i]!.top < bottom && pieces[i]!.top + pieces[i]!.height > top) });
      top = bottom;
    }
  }
  return pages;
}

/** Runs of consecutive pieces that continue each other at one width: each is one picture. */
function pictures(pieces: SnapshotMetadata['pages']): number[][] {
  const runs: number[][] = [];
  pieces.forEach((piece, i) => {
    const previous = pieces[i - 1];
    const continues = previous && previous.width === piece.width && previous.top + previous.height === piece.top;
    if (continues) runs.at(-1)!.push(i);
    else runs.push([i]);
  });
  return runs;
}

/** The row to cut at: `cut`, or above the words it would go through, but not above `highest`. */
function cutBetweenLines(cut: number, highest: number, words: Word[]): number {
  let at = cut;
  for (let moved = true; moved; ) {
    moved = false;
    for (const word of words) {
      if (word.y < at && word.y + word.height > at && word.y >= highest) {
        at = Math.floor(word.y);
        moved = true;
      }
    }
  }
  return at;
}
