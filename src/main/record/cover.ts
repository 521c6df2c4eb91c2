import type { PDFDocument, PDFFont } from 'pdf-lib';
import type { SnapshotMetadata } from '../../shared/snapshot';
import { PLATFORM_NAMES, recordTitle } from './title';
import { PageWriter } from './writer';

const localTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'long' });

/**
 * The record's cover, in Swedish: what was captured, when, how and why, and the checksums of the
 * payload files, so a printed record can be checked against the archive. Flows onto more pages if needed.
 */
export function drawCover(doc: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }, metadata: SnapshotMetadata): void {
  const { channel, capture } = metadata;
  const writer = new PageWriter(doc, fonts);

  writer.heading(recordTitle(metadata));
  writer.note('Officiell ögonblicksbild av en kanal i sociala medier, tagen med Kanalarkiv. Följande sidor visar kanalen som den såg ut vid tidpunkten för uttaget.');
  writer.gap(10);

  writer.row('Kanal', channel.name);
  writer.row('Plattform', PLATFORM_NAMES[channel.platform] ?? channel.platform);
  writer.row('Enhet', channel.unit);
  writer.row('Kontoansvariga', channel.owners.join(', ') || 'Inga angivna');
  if (channel.pageOwner) writer.row('Sidansvarig', channel.pageOwner);
  writer.row('Adress', capture.requestedUrl);
  if (capture.finalUrl !== capture.requestedUrl) writer.row('Slutlig adress', capped(capture.finalUrl, 500));
  writer.row('HTTP-status', String(capture.httpStatus));
  writer.row('Tidpunkt (svensk tid)', localTime.format(new Date(capture.startedAt)));
  writer.row('Tidpunkt (UTC)', `${capture.startedAt} – ${capture.finishedAt}`);
  writer.row('Anledning', metadata.reason);
  writer.row('Omgång', metadata.round ?? 'Ingen (extra ögonblicksbild)');
  writer.row('Sidans titel', capped(capture.title, 300) || '–');
  writer.row('Sidans höjd', `${capture.pageHeight.toLocaleString('sv-SE')} px på ${metadata.pages.length} ${metadata.pages.length === 1 ? 'sida' : 'sidor'}`);
  writer.row('Inlägg i bilden', String(capture.posts));
  if (capture.mhtmlPosts !== null) writer.row('Inlägg i MHTML-kopian', mhtmlText(capture.mhtmlPosts, capture.posts));
  writer.row('Period som täcks', coverageText(capture.coverage));
  if (channel.platform !== 'web' && capture.loggedIn !== null) writer.row('Inloggad', capture.loggedIn ? 'Ja, med plattformens inloggningsprofil' : 'Nej: det en besökare utan inloggning ser');
  writer.row('Cookie-banner', capture.consent.cmp === null ? 'Ingen hittades' : capture.consent.optedOut ? `Avvisad (${capture.consent.cmp})` : `Kunde inte avvisas (${capture.consent.cmp})`);
  writer.row('Webbläsare', `${capture.browser.name} ${capture.browser.version}`);
  if (capture.browser.userAgent) writer.row('Användaragent', capture.browser.userAgent);
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

/** How many of the pictured posts the MHTML copy holds; a virtualised feed keeps only the last ones in the page. */
function mhtmlText(inCopy: number, pictured: number): string {
  if (inCopy >= pictured) return String(inCopy);
  return `${inCopy} av ${pictured}: webbplatsen tar bort inlägg ur sidan medan den rullas. Bilderna och texten i denna handling har alla ${pictured}.`;
}

const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' });

/** What the captured site wrote, cut to `max` characters on the cover; metadata.json keeps all of it. */
function capped(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, max).join('')}… (förkortad från ${chars.length.toLocaleString('sv-SE')} tecken; hela texten finns i metadata.json)`;
}

/** The period the posts cover, and whether it reaches back to the previous snapshot, in words. */
function coverageText(coverage: SnapshotMetadata['capture']['coverage']): string {
  if (!coverage?.oldestPost || !coverage.newestPost) return 'Inga daterade inlägg hittades';
  const period = `Inlägg från ${day.format(new Date(coverage.oldestPost))} till ${day.format(new Date(coverage.newestPost))}`;
  if (!coverage.since) return `${period} (första ögonblicksbilden av kanalen)`;
  const previous = day.format(new Date(coverage.since));
  if (coverage.complete === null) return `${period}; flödet visas inte i datumordning, så det går inte att säga om hela perioden sedan förra ögonblicksbilden (${previous}) kom med`;
  return coverage.complete ? `${period}; hela perioden sedan förra ögonblicksbilden (${previous}) kom med` : `${period}; nådde inte tillbaka till förra ögonblicksbilden (${previous})`;
}
