import type { PDFFont } from 'pdf-lib';

const charsets = new WeakMap<PDFFont, Set<number>>();

/**
 * The text without the characters the font has no glyph for (most emoji): those would be drawn as
 * .notdef, which PDF/A forbids. The screenshot still shows them; page.txt keeps them.
 */
export function drawableText(font: PDFFont, text: string): string {
  return Array.from(text).filter((c) => has(font, c)).join('');
}

function has(font: PDFFont, char: string): boolean {
  let supported = charsets.get(font);
  if (!supported) {
    supported = new Set(font.getCharacterSet());
    charsets.set(font, supported);
  }
  return supported.has(char.codePointAt(0)!);
}

/**
 * The text cut into runs, each in the first of `fonts` that has a glyph for its characters;
 * characters none of them has are left out, as drawableText does.
 */
export function fontRuns(fonts: PDFFont[], text: string): Array<{ font: PDFFont; text: string }> {
  const runs: Array<{ font: PDFFont; text: string }> = [];
  for (const char of text) {
    const font = fonts.find((f) => has(f, char));
    if (!font) continue;
    const last = runs.at(-1);
    if (last?.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}
