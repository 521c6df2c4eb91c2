import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFFont } from 'pdf-lib';
import { resourcesDir } from '../resources';
import { xmpPacket, type DocumentInfo } from './xmp';

type FontkitFont = ReturnType<typeof fontkit.create>;

/**
 * A font that lays text out as one glyph per character, in the order written: no shaping, no
 * reordering into visual order. A record's text must extract as the page wrote it: shaped Arabic
 * came out of the text layer backwards, lam-alef pairs turned round (issue 32), and fontkit's shaper
 * for Indic scripts does not even run under pdf-lib (Hopding/pdf-lib#1419, #785). The text layer is
 * invisible; the cover's Swedish words look the same either way.
 */
function unshaped(font: FontkitFont): FontkitFont {
  const layout = (text: string) => ({ glyphs: Array.from(text, (c) => font.glyphForCodePoint(c.codePointAt(0)!)), positions: [] });
  return new Proxy(font, { get: (target, key) => (key === 'layout' ? layout : Reflect.get(target, key, target)) });
}

/**
 * fontkit parses a font file on every embed; the font files are the same for every document, so
 * each is parsed once per process. pdf-lib subsets per document from the shared parsed font.
 */
const parsedFonts = new Map<Uint8Array, FontkitFont>();
const cachingFontkit = {
  create: (bytes: Uint8Array) => {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = unshaped(fontkit.create(bytes));
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};
const resourceFiles = new Map<string, Promise<Buffer>>();
const readResource = (file: string) => {
  let bytes = resourceFiles.get(file);
  if (!bytes) {
    bytes = readFile(path.join(resourcesDir(), file));
    resourceFiles.set(file, bytes);
  }
  return bytes;
};

/** Reads and parses the two fonts ahead of the first record, so that the first record does not wait for them. */
export async function prepareFonts(): Promise<void> {
  for (const file of ['fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf']) cachingFontkit.create(await readResource(file));
}

/**
 * Fonts for the characters DejaVu Sans has no glyph for, tried in order (resources/fonts/LICENSE.md):
 * Chinese and Japanese, Ethiopic (Tigrinya, Amharic), Thai, Devanagari, and Arabic letters DejaVu lacks.
 */
const FALLBACK_FONTS = ['fonts/DroidSansFallbackFull.ttf', 'fonts/NotoSansEthiopic-Regular.ttf', 'fonts/NotoSansThai-Regular.ttf', 'fonts/NotoSansDevanagari-Regular.ttf', 'fonts/NotoSansArabic-Regular.ttf'];

/**
 * The fonts the invisible text layer needs for `texts`: DejaVu Sans, then each fallback that has a
 * glyph for a character DejaVu lacks, embedded (subset) only when a record needs it, so a Swedish
 * record stays as small as before.
 */
export async function textLayerFonts(doc: PDFDocument, regular: PDFFont, texts: Iterable<string>): Promise<PDFFont[]> {
  const known = new Set(regular.getCharacterSet());
  const missing = new Set<number>();
  for (const text of texts) for (const c of text) if (!known.has(c.codePointAt(0)!)) missing.add(c.codePointAt(0)!);
  const fonts = [regular];
  for (const file of FALLBACK_FONTS) {
    if (missing.size === 0) break;
    const bytes = await readResource(file);
    const parsed = cachingFontkit.create(bytes);
    const covered = [...missing].filter((c) => parsed.hasGlyphForCodePoint(c));
    if (covered.length === 0) continue;
    fonts.push(await doc.embedFont(bytes, { subset: true }));
    for (const c of covered) missing.delete(c);
  }
  return fonts;
}

/** A new document with the embedded (subset) DejaVu fonts that PDF/A needs for any text. */
export async function createPdfA(): Promise<{ doc: PDFDocument; regular: PDFFont; bold: PDFFont }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const regular = await doc.embedFont(await readResource('fonts/DejaVuSans.ttf'), { subset: true });
  const bold = await doc.embedFont(await readResource('fonts/DejaVuSans-Bold.ttf'), { subset: true });
  return { doc, regular, bold };
}

/**
 * Makes the document PDF/A-2u (shared/reference/pdfa.md): Info and XMP stating the same facts, the
 * sRGB output intent, and a file identifier derived from `idSeed` so it is stable and unique. Saves it.
 */
export async function finishPdfA(doc: PDFDocument, info: DocumentInfo, idSeed: string): Promise<Uint8Array> {
  doc.setTitle(info.title);
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setCreationDate(info.created);
  doc.setModificationDate(info.created);
  doc.setLanguage(info.language);

  const { context, catalog } = doc;
  catalog.set(PDFName.of('Metadata'), context.register(context.stream(xmpPacket(info), { Type: 'Metadata', Subtype: 'XML' })));
  const profile = context.flateStream(await readResource('icc/sRGB.icc'), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: context.register(profile),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
  const id = PDFHexString.of(createHash('md5').update(idSeed).digest('hex'));
  context.trailerInfo.ID = context.obj([id, id]);
  return doc.save({ useObjectStreams: false });
}
