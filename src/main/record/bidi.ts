import bidiFactory from 'bidi-js';
import type { Word } from './words';

/**
 * Right-to-left text (Arabic, Persian, Hebrew, Urdu) as a record must keep it: in logical order, the
 * order it is written and read, in page.txt and for search; and in the invisible text layer with
 * each word's glyphs where the picture shows them, so that PDF readers, which read glyph
 * positions, give the words back in logical order. The Unicode Bidirectional Algorithm from
 * bidi-js (lojjic/bidi-js).
 */
const bidi = bidiFactory();

const isRtl = (char: string) => {
  const type = bidi.getBidiCharTypeName(char);
  return type === 'R' || type === 'AL';
};
const hasRtl = (text: string) => Array.from(text).some(isRtl);

/**
 * A word's characters in the order they stand on screen, by the bidi algorithm without mirroring
 * (what pdftotext and others read back as the word); a word without right-to-left letters as it is.
 */
export function visualOrder(text: string): string {
  if (!hasRtl(text)) return text;
  const levels = bidi.getEmbeddingLevels(text, 'auto');
  const order = bidi.getReorderedIndices(text, levels).map((i) => text[i]!);
  // A character outside the BMP (an emoji) is two code units: keep them in their order.
  for (let i = 0; i + 1 < order.length; i++) {
    if (/[\uDC00-\uDFFF]/.test(order[i]!) && /[\uD800-\uDBFF]/.test(order[i + 1]!)) [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
  }
  return order.join('');
}

type Direction = 'rtl' | 'ltr' | 'number' | 'neutral';
const directionOf = (word: Word): Direction => (hasRtl(word.text) ? 'rtl' : /\p{L}/u.test(word.text) ? 'ltr' : /\p{N}/u.test(word.text) ? 'number' : 'neutral');

/**
 * The words of one line, given left to right as they stand, in the order they are read. A line
 * mostly in a right-to-left script is read from the right, with the left-to-right words and numbers
 * inside it kept in their own order (the bidi algorithm's levels and reversals, rule L2, word by word).
 */
export function readingOrder(line: Word[]): Word[] {
  const directions = line.map(directionOf);
  const rtl = directions.filter((d) => d === 'rtl').length;
  if (rtl === 0) return line;
  const base = rtl >= directions.filter((d) => d === 'ltr').length ? 1 : 0;
  // A neutral word (a dash, a bullet) between two of the same direction goes with them (rule N1), else with the line.
  // A number reads left to right wherever it stands; only letters decide which way the line goes.
  const resolved = directions.map((d, i) => {
    if (d === 'number') return 'ltr';
    if (d !== 'neutral') return d;
    const before = directions.slice(0, i).reverse().find((x) => x !== 'neutral');
    const after = directions.slice(i + 1).find((x) => x !== 'neutral');
    return before && before === after ? before : base === 1 ? 'rtl' : 'ltr';
  });
  const levels = resolved.map((d) => (d === 'rtl' ? 1 : base === 1 ? 2 : 0));
  const order = line.map((word, i) => ({ word, level: levels[i]! }));
  for (let level = Math.max(...levels); level >= 1; level--) {
    for (let i = 0; i < order.length; ) {
      if (order[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && order[j]!.level >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }
  return order.map((o) => o.word);
}
