import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
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
import { resourcesDir } from '../resources';
import { drawCover } from './cover';
import { drawableText } from './glyphs';
import { recordTitle } from './title';
import { readPng } from './png';
import { xmpPacket } from './xmp';

/**
 * fontkit parses a font file on every embed; the two DejaVu files are the same for every record,
 * so each is parsed once per process. pdf-lib subsets per document from the shared parsed font.
 */
const parsedFonts = new Map<Uint8Array, ReturnType<typeof fontkit.create>>();
const cachingFontkit = {
  create: (bytes: Uint8Array) => {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};
const fontFiles = new Map<string, Promise<Buffer>>();
const readResource = (file: string) => {
  let bytes = fontFiles.get(file);
  if (!bytes) {
    bytes = readFile(path.join(resourcesDir(), file));
    fontFiles.set(file, bytes);
  }
  return bytes;
};

export interface RecordInput {
  /** The snapshot's metadata; `files` lists every payload file but the record itself. */
  metadata: SnapshotMetadata;
  /** Folder holding the screenshot pieces named in `metadata.pages`. */
  dir: string;
  words: Word[];
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
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const regular = await doc.embedFont(await readResource('fonts/DejaVuSans.ttf'), { subset: true });
  const bold = await doc.embedFont(await readResource('fonts/DejaVuSans-Bold.ttf'), { subset: true });
  const srgb = await readResource('icc/sRGB.icc');

  drawCover(doc, { regular, bold }, metadata);

  const wordsByPage = groupWordsByPage(input.words, metadata.pages);
  for (const [index, piece] of metadata.pages.entries()) {
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

  setDocumentInfo(doc, metadata, srgb);
  return doc.save({ useObjectStreams: false });
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

function setDocumentInfo(doc: PDFDocument, metadata: SnapshotMetadata, srgb: Buffer): void {
  // Info dates have whole seconds; the XMP must state the same instant.
  const created = new Date(Math.floor(Date.parse(metadata.capture.finishedAt) / 1000) * 1000);
  const info = {
    title: recordTitle(metadata),
    author: metadata.channel.unit,
    subject: `Ögonblicksbild av ${metadata.channel.url} tagen ${metadata.capture.startedAt}. Anledning: ${metadata.reason}`,
    keywords: ['ögonblicksbild', metadata.channel.platform, metadata.channel.id],
    creator: `${metadata.capture.tool.name} ${metadata.capture.tool.version}`,
    producer: `${metadata.capture.tool.name} ${metadata.capture.tool.version} (pdf-lib)`,
    created,
    source: metadata.channel.url,
    language: 'sv-SE',
  };
  doc.setTitle(info.title);
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  doc.setLanguage(info.language);

  const { context, catalog } = doc;
  catalog.set(PDFName.of('Metadata'), context.register(context.stream(xmpPacket(info), { Type: 'Metadata', Subtype: 'XML' })));
  const profile = context.flateStream(srgb, { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: context.register(profile),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
  // PDF/A needs a file identifier; derive it from the snapshot id so it is stable and unique.
  const id = PDFHexString.of(createHash('md5').update(metadata.snapshotId).digest('hex'));
  context.trailerInfo.ID = context.obj([id, id]);
}
