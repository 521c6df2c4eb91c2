import { describe, expect, it } from 'vitest';
import { readingOrder, visualOrder } from '../../../src/main/record/bidi';
import { wordsToText } from '../../../src/main/record/text';
import type { Word } from '../../../src/main/record/words';

/** A line as the browser lays it out: the words given in reading order, placed right to left (or left to right) as they show. */
const laidOut = (visualLeftToRight: string[], y = 10): Word[] => visualLeftToRight.map((text, i) => ({ text, x: 20 + i * 100, y, width: 90, height: 20 }));

describe('right-to-left text in logical order (record/bidi.ts)', () => {
  it('reads an Arabic line from the right, as it is written', () => {
    // On screen, left to right: the last word first.
    const line = laidOut(['أوميو', 'في', 'بكم', 'مرحبا']);
    expect(wordsToText(line)).toBe('مرحبا بكم في أوميو\n');
  });

  it('keeps Latin words and numbers inside a right-to-left line in their own order', () => {
    // "زوروا Umeå kommun في 2026" as the browser shows it: the Latin run left to right inside the Arabic line.
    const line = laidOut(['2026', 'في', 'Umeå', 'kommun', 'زوروا']);
    expect(readingOrder(line).map((w) => w.text)).toEqual(['زوروا', 'Umeå', 'kommun', 'في', '2026']);
  });

  it('leaves left-to-right lines, and an Arabic name inside a Swedish line, as they stand', () => {
    expect(wordsToText(laidOut(['Välkommen', 'till', 'Umeå']))).toBe('Välkommen till Umeå\n');
    expect(readingOrder(laidOut(['Möte', 'med', 'مرحبا', 'i', 'dag'])).map((w) => w.text)).toEqual(['Möte', 'med', 'مرحبا', 'i', 'dag']);
  });

  it('gives a word\'s characters in the order they stand on screen, so a PDF reader reads it back as written', () => {
    expect(visualOrder('مرحبا')).toBe('ابحرم');
    expect(visualOrder('(عام)')).toBe(')ماع(');
    expect(visualOrder('عام2026')).toBe('2026ماع');
    expect(visualOrder('Umeå')).toBe('Umeå');
    expect(visualOrder('مرحبا👋')).toBe('👋ابحرم');
  });
});
