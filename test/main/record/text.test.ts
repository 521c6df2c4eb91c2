import { describe, expect, it } from 'vitest';
import { readingRanks, textLines, wordsFromJson, wordsToJson, wordsToText } from '../../../src/main/record/text';
import type { Word } from '../../../src/main/record/words';

/** A block's words laid out in rows from (x, y), `perRow` words a row, as the browser wraps them. */
function block(id: number, text: string, x: number, y: number, perRow = 4): Word[] {
  return text.split(' ').map((w, i) => ({ text: w, x: x + (i % perRow) * 80, y: y + Math.floor(i / perRow) * 24, width: 70, height: 20, block: id }));
}

const box = (id: number, left: number, top: number, width: number, height: number) => ({ id, left, top, right: left + width, bottom: top + height });

describe('blocks in the order a reader takes them (record/text.ts readingRanks)', () => {
  it('reads a header, then each column to its end, then a footer as wide as the page, whatever its words', () => {
    const ranks = readingRanks([
      box(1, 0, 0, 1200, 60), // header
      box(2, 20, 80, 640, 40), // headline
      box(3, 720, 80, 320, 30), // side column's heading, on the headline's row
      box(4, 20, 140, 640, 200), // the article's text
      box(5, 720, 130, 320, 60), // a news item beside it
      box(6, 0, 400, 1200, 40), // footer, its text short
    ]);
    expect([...ranks].sort((a, b) => a[1] - b[1]).map(([id]) => id)).toEqual([1, 2, 4, 3, 5, 6]);
  });

  it('takes a feed of evenly spaced posts in order, and blocks one inside another in the page\'s order', () => {
    const feed = Array.from({ length: 500 }, (_, i) => box(i + 1, 20, i * 50, 600, 40));
    expect([...readingRanks(feed.toReversed())].sort((a, b) => a[1] - b[1]).map(([id]) => id)).toEqual(feed.map((b) => b.id));
    const nested = readingRanks([box(2, 40, 30, 200, 20), box(1, 20, 10, 600, 80)]);
    expect(nested.get(1)).toBeLessThan(nested.get(2)!);
  });
});

describe('page.txt, block by block (record/text.ts textLines)', () => {
  it('makes each block one line, rows top to bottom, in the order of the block numbers; no space before a full stop that touches its word', () => {
    const words = [
      ...block(2, 'Senaste nytt', 700, 80),
      ...block(1, 'Badhuset på Storgatan öppnar den 1 juni', 20, 80, 3),
      { text: '.', x: 20 + 70, y: 80 + 2 * 24, width: 5, height: 20, block: 1 },
    ];
    expect(wordsToText(words)).toBe('Badhuset på Storgatan öppnar den 1 juni.\nSenaste nytt\n');
    expect(textLines(words)).toHaveLength(2);
  });

  it('keeps the block of each word in page-words.json, and reads a record made before blocks row by row', () => {
    const words = block(7, 'Hej alla', 10, 10);
    expect(wordsFromJson(wordsToJson(words))).toEqual(words);
    const old = wordsFromJson(JSON.stringify([['Vänster', 10, 10, 70, 20], ['Höger', 700, 10, 70, 20]]));
    expect(old[0]).not.toHaveProperty('block');
    expect(wordsToText(old)).toBe('Vänster Höger\n');
  });
});
