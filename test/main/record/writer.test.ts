import { describe, expect, it } from 'vitest';
import { createPdfA } from '../../../src/main/record/pdfa';
import { wrap } from '../../../src/main/record/writer';

describe('text layout on record pages', () => {
  it('keeps every line within the width and every character, in order', async () => {
    const { regular } = await createPdfA();
    const text = `Kultur i Umeå ${'x'.repeat(2_400)} https://www.facebook.com/${'umea'.repeat(300)}?ref=ÅÄÖ slut`;
    const lines = wrap(regular, text, 10, 240);
    for (const line of lines) expect(regular.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(240 + 0.01);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(lines[0]).toBe('Kultur i Umeå');
    expect(lines.at(-1)).toMatch(/slut$/);
  });

  it('measures a long word once per character: the work grows with the text, not with its square', async () => {
    const { regular } = await createPdfA();
    let calls = 0;
    const measure = regular.widthOfTextAtSize.bind(regular);
    regular.widthOfTextAtSize = (text: string, size: number) => {
      calls += 1;
      return measure(text, size);
    };
    const count = (n: number) => {
      calls = 0;
      wrap(regular, 'y'.repeat(n), 10, 300);
      return calls;
    };
    // One call for the space, one for the word, one per distinct character; none per cut.
    expect(count(1_000)).toBeLessThanOrEqual(3);
    expect(count(100_000)).toBeLessThanOrEqual(3);
  });
});
