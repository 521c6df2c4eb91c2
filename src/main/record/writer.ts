import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { drawableText } from './glyphs';

/** A4 portrait in points (210 × 297 mm): every page of a record, cover and content, prints on it. */
export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const LABEL_WIDTH = 150;
const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.35, 0.35, 0.4);

/** Writes text pages of A4 top to bottom (headings, notes, label–value rows, checksums), flowing onto new pages. */
export class PageWriter {
  private page: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.page = this.newPage();
  }

  heading(text: string): void {
    this.block(text, this.fonts.bold, 18, MARGIN, A4[0] - 2 * MARGIN, INK, 24);
    this.gap(6);
  }

  subheading(text: string): void {
    this.block(text, this.fonts.bold, 12, MARGIN, A4[0] - 2 * MARGIN, INK, 18);
  }

  note(text: string): void {
    this.block(text, this.fonts.regular, 10, MARGIN, A4[0] - 2 * MARGIN, MUTED, 14);
  }

  row(label: string, value: string): void {
    const lines = wrap(this.fonts.regular, drawableText(this.fonts.regular, value), 10, A4[0] - 2 * MARGIN - LABEL_WIDTH);
    this.ensure(14 * lines.length);
    this.page.drawText(label, { x: MARGIN, y: this.y, size: 10, font: this.fonts.bold, color: INK });
    this.block(value, this.fonts.regular, 10, MARGIN + LABEL_WIDTH, A4[0] - 2 * MARGIN - LABEL_WIDTH, INK, 14);
    this.gap(2);
  }

  checksum(file: string, sha256: string): void {
    this.block(file, this.fonts.bold, 8, MARGIN, A4[0] - 2 * MARGIN, INK, 11);
    this.block(sha256, this.fonts.regular, 8, MARGIN + 12, A4[0] - 2 * MARGIN - 12, MUTED, 11);
  }

  gap(points: number): void {
    this.y -= points;
  }

  private block(text: string, font: PDFFont, size: number, x: number, width: number, color: ReturnType<typeof rgb>, leading: number): void {
    for (const line of wrap(font, drawableText(font, text), size, width)) {
      this.ensure(leading);
      this.page.drawText(line, { x, y: this.y, size, font, color });
      this.y -= leading;
    }
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN) this.page = this.newPage();
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
    return page;
  }
}

/** Advance widths of single characters, per font and size: splitting a long word measures each character once. */
const charWidths = new WeakMap<PDFFont, Map<string, number>>();
function charWidth(font: PDFFont, size: number, char: string): number {
  let widths = charWidths.get(font);
  if (!widths) charWidths.set(font, (widths = new Map()));
  const key = `${size}\u0000${char}`;
  let width = widths.get(key);
  if (width === undefined) widths.set(key, (width = font.widthOfTextAtSize(char, size)));
  return width;
}

/**
 * Breaks text into lines no wider than `width`; words longer than a line (URLs, checksums) are split.
 * Linear in the length of the text: each word is measured once and a long word is cut by its
 * characters' widths, so a page title of thousands of characters cannot stall a record.
 */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = font.widthOfTextAtSize(' ', size);
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const wordWidth = font.widthOfTextAtSize(word, size);
    if (line && lineWidth + space + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    line = '';
    lineWidth = 0;
    for (const char of word) {
      const advance = charWidth(font, size, char);
      if (line && lineWidth + advance > width) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += char;
      lineWidth += advance;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}
