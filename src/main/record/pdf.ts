import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  TextRenderingMode,
  beginText,
  drawObject,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  concatTransformationMatrix,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { SnapshotMetadata } from '../../shared/snapshot';
import type { Word } from '../capture/scroll-capture';
import { PT_PER_PX } from '../capture/profile';
import { drawCover } from './cover';
import { drawableText } from './glyphs';
import { recordTitle } from './title';
import { createPdfA, finishPdfA } from './pdfa';

export { prepareFonts } from './pdfa';
import { readPng } from './png';

export interface RecordInput {
  /** The snapshot's metadata; `files` lists every payload file but the record itself. */
  metadata: SnapshotMetadata;
  /** Folder holding the screenshot pieces named in `metadata.pages`. */
  dir: string;
  words: Word[];
  /** Stops the build between pages (the channel's deadline, or the user cancelling). */
  signal?: AbortSignal;
}

/** DejaVu Sans: ascent 0.928 em, descent 0.236 em; a word's box is that tall. */
const ASCENT = 0.928;
const BOX_EM = 1.164;

/**
 * Builds `record.pdf` as PDF/A-2u: a Swedish cover page, then the screenshot over as many pages as it
 * needs, losslessly, each with an invisible text layer on top so that any PDF reader (and Platina's
 * full-text index) can search and copy the page's text. See shared/reference/pdfa.md for the rules.
 */
export async function buildRecordPdf(input: RecordInput): Promise<Uint8Array> {
  const { metadata } = input;
  const { doc, regular, bold } = await createPdfA();
  drawCover(doc, { regular, bold }, metadata);

  const wordsByPage = groupWordsByPage(input.words, metadata.pages);
  for (const [index, piece] of metadata.pages.entries()) {
    input.signal?.throwIfAborted();
    const png = readPng(await readFile(path.join(input.dir, piece.file)));
    const width = png.width * PT_PER_PX;
    const height = png.height * PT_PER_PX;
    const page = doc.addPage([width, height]);
    const image = doc.context.register(
      doc.context.stream(png.idat, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: png.width,
        Height: png.height,
        ColorSpace: 'DeviceRGB',
        BitsPerComponent: 8,
        Filter: 'FlateDecode',
        DecodeParms: { Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: png.width },
      }),
    );
    const imageName = page.node.newXObject('Screenshot', image);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(imageName), popGraphicsState());
    drawTextLayer(page, regular, wordsByPage[index] ?? [], piece.top, height);
  }

  // Info dates have whole seconds; the XMP must state the same instant.
  const created = new Date(Math.floor(Date.parse(metadata.capture.finishedAt) / 1000) * 1000);
  return finishPdfA(doc, {
    title: recordTitle(metadata),
    author: metadata.channel.unit,
    subject: metadata.comment
      ? `Kommentar på ${metadata.comment.url} sparad ${metadata.capture.startedAt}. Anledning: ${metadata.comment.reason.label}`
      : `Ögonblicksbild av ${metadata.channel.url} tagen ${metadata.capture.startedAt}. Anledning: ${metadata.reason}`,
    keywords: [metadata.comment ? 'kommentar' : 'ögonblicksbild', metadata.channel.platform, metadata.channel.id],
    creator: `${metadata.capture.tool.name} ${metadata.capture.tool.version}`,
    producer: `${metadata.capture.tool.name} ${metadata.capture.tool.version} (pdf-lib)`,
    created,
    source: metadata.channel.url,
    language: 'sv-SE',
  }, metadata.snapshotId);
}

function groupWordsByPage(words: Word[], pages: SnapshotMetadata['pages']): Word[][] {
  const groups: Word[][] = pages.map(() => []);
  for (const word of words) {
    const index = pages.findIndex((p) => word.y >= p.top && word.y < p.top + p.height);
    if (index >= 0) groups[index]!.push(word);
  }
  return groups;
}

/**
 * Lays each word, invisible (render mode 3), exactly over its picture: the font size matches the
 * word's height and a horizontal stretch its width, so selection and search hits land on the image.
 */
function drawTextLayer(page: PDFPage, font: PDFFont, words: Word[], top: number, pageHeight: number): void {
  if (words.length === 0) return;
  const fontName = page.node.newFontDictionary('TextLayer', font.ref);
  const ops: PDFOperator[] = [beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  let currentSize = -1;
  for (const word of words) {
    const text = drawableText(font, word.text);
    if (text.length === 0) continue;
    const size = Math.max(1, Math.round((word.height * PT_PER_PX * 2) / BOX_EM) / 2);
    if (size !== currentSize) {
      ops.push(setFontAndSize(fontName, size));
      currentSize = size;
    }
    const natural = font.widthOfTextAtSize(text, size);
    const stretch = natural > 0 ? (word.width * PT_PER_PX) / natural : 1;
    const x = word.x * PT_PER_PX;
    const baseline = pageHeight - (word.y - top) * PT_PER_PX - size * ASCENT;
    ops.push(setTextMatrix(round(stretch), 0, 0, 1, round(x), round(baseline)), showText(font.encodeText(`${text} `)));
  }
  ops.push(endText());
  page.pushOperators(...ops);
}

const round = (n: number) => Math.round(n * 100) / 100;

