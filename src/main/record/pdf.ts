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
  clip,
  endPath,
  rectangle,
  type PDFFont,
  type PDFName,
  type PDFRef,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { SnapshotMetadata } from '../../shared/snapshot';
import type { Word } from './words';
import { drawCover } from './cover';
import { visualOrder } from './bidi';
import { drawableText, fontRuns } from './glyphs';
import { recordTitle } from './title';
import { createPdfA, finishPdfA, textLayerFonts } from './pdfa';
import { HEADER_BAND, PRINT_MARGIN, printLayout, type PrintPage } from './print-layout';
import { A4, MUTED } from './writer';

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

const headerTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });

/** DejaVu Sans: ascent 0.928 em, descent 0.236 em; a word's box is that tall. */
const ASCENT = 0.928;
const BOX_EM = 1.164;

/**
 * Builds `record.pdf` as PDF/A-2u: a Swedish cover page, then the screenshot cut into A4 pages at the
 * capture width (print-layout.ts), losslessly, each with a header line (channel, time, "sida 3 av
 * 41") and an invisible text layer over the picture so that any PDF reader (and Platina's full-text
 * index) can search and copy the page's text. A registrar can print it as it is. See
 * shared/reference/pdfa.md for the rules.
 */
export async function buildRecordPdf(input: RecordInput): Promise<Uint8Array> {
  const { metadata } = input;
  const { doc, regular, bold } = await createPdfA();
  const layout = printLayout(metadata.pages, input.words);
  drawCover(doc, { regular, bold }, metadata, layout.length);

  // Each piece's picture goes into the file once, losslessly as captured; every A4 page that shows
  // part of it draws the same image, moved and clipped to its rows, so printing costs no pixels.
  const images = new Map<number, PDFRef>();
  const imageOn = async (page: PDFPage, index: number): Promise<PDFName> => {
    let image = images.get(index);
    if (!image) {
      const png = readPng(await readFile(path.join(input.dir, metadata.pages[index]!.file)));
      image = doc.context.register(
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
      images.set(index, image);
    }
    return page.node.newXObject(`Screenshot${index + 1}`, image);
  };

  const wordsByPage = groupWords(input.words, layout);
  const textFonts = await textLayerFonts(doc, regular, input.words.map((w) => w.text));
  const covers = doc.getPageCount();
  const header = `${metadata.channel.name} · ${headerTime.format(new Date(metadata.capture.startedAt))}`;
  for (const [n, plan] of layout.entries()) {
    input.signal?.throwIfAborted();
    const page = doc.addPage(A4);
    const contentTop = A4[1] - PRINT_MARGIN - HEADER_BAND;
    const label = drawableText(regular, `${header} · sida ${covers + n + 1} av ${covers + layout.length}`);
    page.drawText(label, { x: PRINT_MARGIN, y: A4[1] - PRINT_MARGIN - 9, size: 8, font: regular, color: MUTED });
    const rowsHigh = (plan.bottom - plan.top) * plan.scale;
    for (const index of plan.pieces) {
      const piece = metadata.pages[index]!;
      const image = await imageOn(page, index);
      const width = piece.width * plan.scale;
      const height = piece.height * plan.scale;
      const y = contentTop - (piece.top - plan.top) * plan.scale - height;
      page.pushOperators(
        pushGraphicsState(),
        rectangle(PRINT_MARGIN, contentTop - rowsHigh, width, rowsHigh),
        clip(),
        endPath(),
        concatTransformationMatrix(round(width), 0, 0, round(height), PRINT_MARGIN, round(y)),
        drawObject(image),
        popGraphicsState(),
      );
    }
    drawTextLayer(page, textFonts, wordsByPage[n] ?? [], plan, contentTop);
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

/** Each word on the print page that shows its top: of the first picture whose rows hold it, as the pieces did. */
function groupWords(words: Word[], layout: PrintPage[]): Word[][] {
  const groups: Word[][] = layout.map(() => []);
  for (const word of words) {
    const index = layout.findIndex((p) => word.y >= p.top && word.y < p.bottom);
    if (index >= 0) groups[index]!.push(word);
  }
  return groups;
}

/**
 * Lays each word, invisible (render mode 3), exactly over its picture: the font size matches the
 * word's height and a horizontal stretch its width, so selection and search hits land on the image.
 * A word in a script DejaVu lacks is drawn in the fallback font that has it (textLayerFonts), run by run.
 */
function drawTextLayer(page: PDFPage, fonts: PDFFont[], words: Word[], plan: PrintPage, contentTop: number): void {
  if (words.length === 0) return;
  const names = new Map<PDFFont, PDFName>();
  const nameOf = (font: PDFFont) => {
    let name = names.get(font);
    if (!name) names.set(font, (name = page.node.newFontDictionary('TextLayer', font.ref)));
    return name;
  };
  const ops: PDFOperator[] = [beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  let current: [PDFFont, number] | null = null;
  for (const word of words) {
    // Glyphs left to right as the picture shows them; a right-to-left word's are reversed (bidi.ts).
    const runs = fontRuns(fonts, visualOrder(word.text));
    if (runs.length === 0) continue;
    // The space after each word keeps words apart when the text is copied or extracted.
    const last = runs.at(-1)!;
    last.text += drawableText(last.font, ' ');
    const size = Math.max(1, Math.round((word.height * plan.scale * 2) / BOX_EM) / 2);
    const natural = runs.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0) - last.font.widthOfTextAtSize(drawableText(last.font, ' '), size);
    const stretch = natural > 0 ? (word.width * plan.scale) / natural : 1;
    const baseline = contentTop - (word.y - plan.top) * plan.scale - size * ASCENT;
    let x = PRINT_MARGIN + word.x * plan.scale;
    for (const run of runs) {
      if (current?.[0] !== run.font || current[1] !== size) {
        ops.push(setFontAndSize(nameOf(run.font), size));
        current = [run.font, size];
      }
      ops.push(setTextMatrix(round(stretch), 0, 0, 1, round(x), round(baseline)), showText(run.font.encodeText(run.text)));
      x += run.font.widthOfTextAtSize(run.text, size) * stretch;
    }
  }
  ops.push(endText());
  page.pushOperators(...ops);
}

const round = (n: number) => Math.round(n * 100) / 100;

