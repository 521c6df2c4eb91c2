import type { PDFFont } from 'pdf-lib';

const charsets = new WeakMap<PDFFont, Set<number>>();

/**
 * The text without the characters the font has no glyph for (most emoji): those would be drawn as
 * .notdef, which PDF/A forbids. The screenshot still shows them; page.txt keeps them.
 */
export function drawableText(font: PDFFont, text: string): string {
  let supported = charsets.get(font);
  if (!supported) {
    supported = new Set(font.getCharacterSet());
    charsets.set(font, supported);
  }
  return Array.from(text).filter((c) => supported.has(c.codePointAt(0)!)).join('');
}
