import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { SnapshotMetadata } from '../../shared/snapshot';
import { drawableText } from './glyphs';
import { PLATFORM_NAMES, recordTitle } from './title';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const LABEL_WIDTH = 150;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

const localTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'long' });

/**
 * The record's cover, in Swedish: what was captured, when, how and why, and the checksums of the
 * payload files, so a printed record can be checked against the archive. Flows onto more pages if needed.
 */
export function drawCover(doc: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }, metadata: SnapshotMetadata): void {
  const { channel, capture } = metadata;
  const writer = new CoverWriter(doc, fonts);

  writer.heading(recordTitle(metadata));
  writer.note('Officiell ögonblicksbild av en kanal i sociala medier, tagen med Kanalarkiv. Följande sidor visar kanalen som den såg ut vid tidpunkten för uttaget.');
  writer.gap(10);

  writer.row('Kanal', channel.name);
  writer.row('Plattform', PLATFORM_NAMES[channel.platform] ?? channel.platform);
  writer.row('Enhet', channel.unit);
  writer.row('Kontoansvariga', channel.owners.join(', ') || 'Inga angivna');
  if (channel.pageOwner) writer.row('Sidansvarig', channel.pageOwner);
  writer.row('Adress', capture.requestedUrl);
  if (capture.finalUrl !== capture.requestedUrl) writer.row('Slutlig adress', capture.finalUrl);
  writer.row('HTTP-status', String(capture.httpStatus));
  writer.row('Tidpunkt (svensk tid)', localTime.format(new Date(capture.startedAt)));
  writer.row('Tidpunkt (UTC)', `${capture.startedAt} – ${capture.finishedAt}`);
  writer.row('Anledning', metadata.reason);
  writer.row('Omgång', metadata.round ?? 'Ingen (extra ögonblicksbild)');
  writer.row('Sidans titel', capture.title || '–');
  writer.row('Sidans höjd', `${capture.pageHeight.toLocaleString('sv-SE')} px på ${metadata.pages.length} sidor`);
  writer.row('Inlägg i bilden', String(capture.posts));
  writer.row('Period som täcks', coverageText(capture.coverage));
  writer.row('Cookie-banner', capture.consent.cmp === null ? 'Ingen hittades' : capture.consent.optedOut ? `Avvisad (${capture.consent.cmp})` : `Kunde inte avvisas (${capture.consent.cmp})`);
  writer.row('Webbläsare', `${capture.browser.name} ${capture.browser.version}`);
  writer.row('Uttagsprofil', `version ${capture.profileVersion}: ${capture.viewport.width} × ${capture.viewport.height} px, skala 1, sv-SE, Europe/Stockholm, reducerad rörelse, rullas och sätts samman`);
  writer.row('Verktyg', `${capture.tool.name} ${capture.tool.version} på ${capture.os.platform} ${capture.os.release} (${capture.os.arch})`);
  writer.row('Identitet', metadata.snapshotId);
  writer.gap(8);

  writer.subheading('Varningar');
  if (capture.warnings.length === 0) writer.note('Inga.');
  for (const warning of capture.warnings) writer.note(`• ${warning}`);
  writer.gap(8);

  writer.subheading('Kontrollsummor (SHA-256)');
  for (const file of metadata.files) writer.checksum(file.path, file.sha256);
}

const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' });

/** The period the posts cover, and whether it reaches back to the previous snapshot, in words. */
function coverageText(coverage: SnapshotMetadata['capture']['coverage']): string {
  if (!coverage?.oldestPost || !coverage.newestPost) return 'Inga daterade inlägg hittades';
  const period = `Inlägg från ${day.format(new Date(coverage.oldestPost))} till ${day.format(new Date(coverage.newestPost))}`;
  if (!coverage.since) return `${period} (första ögonblicksbilden av kanalen)`;
  const previous = day.format(new Date(coverage.since));
  return coverage.complete ? `${period}; hela perioden sedan förra ögonblicksbilden (${previous}) kom med` : `${period}; nådde inte tillbaka till förra ögonblicksbilden (${previous})`;
}

class CoverWriter {
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

/** Breaks text into lines no wider than `width`; words longer than a line (URLs, checksums) are split. */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}
