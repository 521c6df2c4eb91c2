import { readingOrder } from './bidi';
import type { Word } from './words';

/** The page's visible words grouped into lines, in reading order: top to bottom, and within a line left to right, or from the right in a right-to-left script. */
export function textLines(words: Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Word[][] = [];
  for (const word of sorted) {
    const line = lines.at(-1);
    // Words whose tops lie within half a line of each other stand on the same line.
    if (line && Math.abs(word.y - line[0]!.y) < Math.max(line[0]!.height, 1) / 2) line.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => readingOrder(line.sort((a, b) => a.x - b.x)));
}

/** The page's visible text as plain lines, for `page.txt`: searchable by any tool without opening the PDF. */
export function wordsToText(words: Word[]): string {
  const lines = textLines(words);
  return lines.map((line) => line.map((w) => w.text).join(' ')).join('\n') + (lines.length ? '\n' : '');
}

/**
 * The words with where they stand on the page, for `page-words.json`: `[text, x, y, width, height]`
 * in CSS pixels of the whole page, so a search hit can be shown on the picture. Whole pixels are
 * enough to mark a word, and keep the file small.
 */
export function wordsToJson(words: Word[]): string {
  return JSON.stringify(words.map((w) => [w.text, Math.round(w.x), Math.round(w.y), Math.round(w.width), Math.round(w.height)]));
}

/** The words of a page-words.json; [] for one that is not such a list. */
export function wordsFromJson(json: string): Word[] {
  const list: unknown = JSON.parse(json);
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => (Array.isArray(entry) && typeof entry[0] === 'string' && entry.slice(1, 5).every((n) => typeof n === 'number') ? [{ text: entry[0], x: entry[1], y: entry[2], width: entry[3], height: entry[4] }] : []));
}
