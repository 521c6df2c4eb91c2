import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFFont } from 'pdf-lib';
import { resourcesDir } from '../resources';
import { xmpPacket, type DocumentInfo } from './xmp';

/**
 * fontkit parses a font file on every embed; the two DejaVu files are the same for every document,
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
