import { readingOrder } from './bidi';
import type { Word } from './words';

/**
 * The page's visible text as lines in reading order. Each block of the page (a paragraph, a
 * heading, a cell: capture/page/words.ts) is one line, so a sentence that wraps on screen is one
 * line, and a column beside it or a menu above it never runs into it. Blocks come in the order of
 * their numbers, which the capture gives in the order a reader takes them (readingRanks); a block's
 * rows top to bottom, each row left to right or, in a right-to-left script, from the right. Words
 * of a record made before blocks were kept: one line per row of the page.
 */
export function textLines(words: Word[]): Word[][] {
  if (words.length === 0 || words.some((w) => w.block === undefined)) return rows(words);
  const byBlock = new Map<number, Word[]>();
  for (const word of words) {
    const list = byBlock.get(word.block!);
    if (list) list.push(word);
    else byBlock.set(word.block!, [word]);
  }
  return [...byBlock].sort(([a], [b]) => a - b).map(([, list]) => rows(list).flat());
}

/** Words grouped into rows: those whose tops lie within half a line of each other stand on one row. */
function rows(words: Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Word[][] = [];
  for (const word of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(word.y - line[0]!.y) < Math.max(line[0]!.height, 1) / 2) line.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => readingOrder(line.sort((a, b) => a.x - b.x)));
}

/** A block of the page (capture/page/words.ts) and its element's box, in px of the picture. */
export interface BlockBox {
  id: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Each block's place in the order a reader takes them, from 1: the block numbers a record keeps. */
export function readingRanks(blocks: BlockBox[]): Map<number, number> {
  return new Map(blocksInReadingOrder(blocks).map((block, i) => [block.id, i + 1]));
}

/**
 * Blocks in the order a reader takes them, by recursive XY-cut: where a gap runs across all of
 * them, the part above (or to the left) comes first; at each step the widest gap, across or down,
 * is cut, so a header comes before the columns below it and each column is read to its end before
 * the next. Blocks no gap separates (one inside another) are taken in the page's own order.
 */
function blocksInReadingOrder(blocks: BlockBox[]): BlockBox[] {
  if (blocks.length <= 1) return blocks;
  const across = gaps(blocks, 'top', 'bottom');
  const down = gaps(blocks, 'left', 'right');
  const cut = across && (!down || across.widest >= down.widest) ? across : down;
  if (!cut) return [...blocks].sort((a, b) => a.id - b.id);
  return cut.groups.flatMap(blocksInReadingOrder);
}

/**
 * The blocks cut at the widest gaps along one direction (all that are as wide, within a pixel, so
 * a feed of evenly spaced posts is cut in one step), or null where no gap runs across them.
 */
function gaps(blocks: BlockBox[], from: 'top' | 'left', to: 'bottom' | 'right'): { groups: BlockBox[][]; widest: number } | null {
  const sorted = [...blocks].sort((a, b) => a[from] - b[from]);
  const found: Array<{ at: number; size: number }> = [];
  let reach = sorted[0]![to];
  for (let i = 1; i < sorted.length; i++) {
    const block = sorted[i]!;
    if (block[from] >= reach) found.push({ at: i, size: block[from] - reach });
    reach = Math.max(reach, block[to]);
  }
  if (found.length === 0) return null;
  const widest = Math.max(...found.map((g) => g.size));
  const cuts = found.filter((g) => g.size >= widest - 1).map((g) => g.at);
  const groups = [0, ...cuts].map((start, k) => sorted.slice(start, cuts[k] ?? sorted.length));
  return { groups, widest };
}

/** The page's visible text as plain lines, for `page.txt`: searchable by any tool without opening the PDF. */
export function wordsToText(words: Word[]): string {
  const lines = textLines(words);
  return lines.map(lineText).join('\n') + (lines.length ? '\n' : '');
}

/**
 * A line's words as text: a space between words, none where one word ends where the next begins
 * on the same row (the full stop after a link, which is a text of its own: "i juni.").
 */
export function lineText(line: Word[]): string {
  return line.map((w, i) => {
    const before = line[i - 1];
    const touching = before !== undefined && Math.abs(w.y - before.y) < 1 && Math.abs(w.x - (before.x + before.width)) < 1;
    return (i === 0 || touching ? '' : ' ') + w.text;
  }).join('');
}

/**
 * The words with where they stand on the page, for `page-words.json`: `[text, x, y, width, height, block]`
 * in CSS pixels of the whole page, so a search hit can be shown on the picture. Whole pixels are
 * enough to mark a word, and keep the file small.
 */
export function wordsToJson(words: Word[]): string {
  return JSON.stringify(words.map((w) => [w.text, Math.round(w.x), Math.round(w.y), Math.round(w.width), Math.round(w.height), ...(w.block === undefined ? [] : [w.block])]));
}

/** The words of a page-words.json; [] for one that is not such a list. */
export function wordsFromJson(json: string): Word[] {
  const list: unknown = JSON.parse(json);
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) =>
    Array.isArray(entry) && typeof entry[0] === 'string' && entry.slice(1, 5).every((n) => typeof n === 'number')
      ? [{ text: entry[0], x: entry[1], y: entry[2], width: entry[3], height: entry[4], ...(typeof entry[5] === 'number' ? { block: entry[5] } : {}) }]
      : [],
  );
}
