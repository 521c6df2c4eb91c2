import type { PDFDocument, PDFFont } from 'pdf-lib';
import type { CommentFacts } from '../../shared/comment';
import type { SnapshotMetadata } from '../../shared/snapshot';
import { PLATFORM_NAMES } from '../platforms/names';
import { recordTitle } from './title';
import { PageWriter } from './writer';
import en from '../../shared/messages/en.json';
import sv from '../../shared/messages/sv.json';

const localTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'long' });

/**
 * The record's cover, in Swedish: what was captured, when, how and why, and the checksums of the
 * payload files, so a printed record can be checked against the archive. Flows onto more pages if
 * needed; `printedPages` is how many A4 pages the picture takes after it.
 */
export function drawCover(doc: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }, metadata: SnapshotMetadata, printedPages: number): void {
  const writer = new PageWriter(doc, fonts);
  if (metadata.comment) commentRows(writer, metadata, metadata.comment);
  else snapshotRows(writer, metadata, printedPages);
  writer.gap(8);

  writer.subheading('Varningar');
  if (metadata.capture.warnings.length === 0) writer.note('Inga.');
  for (const warning of metadata.capture.warnings) writer.note(`• ${warning}`);
  writer.gap(8);

  writer.subheading('Kontrollsummor (SHA-256)');
  for (const file of metadata.files) writer.checksum(file.path, file.sha256);
}

function snapshotRows(writer: PageWriter, metadata: SnapshotMetadata, printedPages: number): void {
  const { capture } = metadata;

  writer.heading(recordTitle(metadata));
  writer.note('Officiell ögonblicksbild av en kanal i sociala medier, tagen med Kanalarkiv. Följande sidor visar kanalen som den såg ut vid tidpunkten för uttaget.');
  writer.gap(10);

  whoseRows(writer, metadata);
  writer.row('Adress', capture.requestedUrl);
  if (capture.finalUrl !== capture.requestedUrl) writer.row('Slutlig adress', capped(capture.finalUrl, 500));
  writer.row('HTTP-status', String(capture.httpStatus));
  writer.row('Tidpunkt (svensk tid)', localTime.format(new Date(capture.startedAt)));
  writer.row('Tidpunkt (UTC)', `${capture.startedAt} – ${capture.finishedAt}`);
  writer.row('Betrodd tidsstämpel', stampText(metadata));
  writer.row('Anledning', reasonText(metadata));
  writer.row('Omgång', metadata.round ?? 'Ingen: tagen utanför omgångarnas perioder, som en extra ögonblicksbild');
  writer.row('Sidans titel', capped(capture.title, 300) || '–');
  writer.row('Sidans höjd', `${capture.pageHeight.toLocaleString('sv-SE')} px, utskriven på ${printedPages} ${printedPages === 1 ? 'A4-sida' : 'A4-sidor'} efter försättsbladet${stripText(capture.bottomStrip)}`);
  writer.row('Inlägg i bilden', String(capture.posts));
  if (capture.mhtmlPosts !== null) writer.row('Inlägg i MHTML-kopian', mhtmlText(capture.mhtmlPosts, capture.posts));
  writer.row('Period som täcks', coverageText(capture.coverage));
  howRows(writer, metadata, 'rullas och sätts samman');
}

/** The cover of a saved comment: whose, when, where, why and by whom, then its text and the post's. */
function commentRows(writer: PageWriter, metadata: SnapshotMetadata, comment: CommentFacts): void {
  const { capture } = metadata;
  writer.heading(recordTitle(metadata));
  const why = comment.purpose === 'register' ? 'för att registreras' : 'innan det togs bort';
  const answered = comment.answer ? ', och sist svaret på det' : '';
  writer.note(`En kommentar eller ett inlägg i sociala medier, sparat med Kanalarkiv ${why}. Följande sidor visar det som det såg ut, och sedan inlägget det hör till med kommentaren inramad i rött${answered}.`);
  writer.gap(10);
  whoseRows(writer, metadata);
  writer.row('Författare', comment.author.name ? `${comment.author.name} (som namnet visades)` : 'Visades inte');
  if (comment.author.profileUrl) writer.row('Författarens profil', capped(comment.author.profileUrl, 300));
  writer.row('Tid som visades', comment.shownTime ?? 'Visades inte');
  writer.row('Exakt tid (svensk tid)', comment.exactTime && !Number.isNaN(Date.parse(comment.exactTime)) ? localTime.format(new Date(comment.exactTime)) : 'Sidan angav ingen');
  writer.row('Länk', capped(comment.url, 500));
  if (capture.finalUrl !== capture.requestedUrl) writer.row('Slutlig adress', capped(capture.finalUrl, 500));
  writer.row('Anledning', comment.reason.label);
  writer.row('Förklaring', comment.note || '–');
  writer.row('Sparad av', comment.savedBy || 'Inte angivet');
  writer.row('Sparad (svensk tid)', localTime.format(new Date(capture.startedAt)));
  writer.row('Betrodd tidsstämpel', stampText(metadata));
  writer.row('Personuppgifter', 'Innehåller personuppgifter om en privatperson: författaren och det hen skrev.');
  writer.row('Sekretessprövning', comment.secrecyReview ? `Ja: pröva sekretess innan handlingen lämnas ut (${comment.reason.label.toLowerCase()}).` : 'Inte markerad');
  writer.row('Hittades', { link: 'genom länken, som plattformen märker kommentarer', fragment: 'genom länkens #-ankare', selector: 'genom en angiven CSS-väljare', picked: 'genom att väljas på sidan med muspekaren' }[comment.foundBy]);
  howRows(writer, metadata, 'kommentaren och inlägget fotograferas var för sig');
  writer.gap(8);
  writer.subheading('Kommentarens text');
  writer.note(oneParagraph(capped(comment.text, 4000)) || '(ingen text)');
  if (comment.answer) {
    writer.gap(4);
    writer.subheading('Svaret');
    writer.row('Svar av', comment.answer.author.name ?? 'Visades inte');
    writer.row('Tid som visades', comment.answer.shownTime ?? 'Visades inte');
    writer.row('Länk', capped(comment.answer.url, 500));
    writer.note(oneParagraph(capped(comment.answer.text, 3000)) || '(ingen text)');
  }
  if (comment.contextText) {
    writer.gap(4);
    writer.subheading('Inlägget den hör till');
    writer.note(oneParagraph(capped(comment.contextText, 3000)));
  }
}

/** Whether the time can be proved: the stamp is made once the bag is finished, so the record names where it is asked for. */
function stampText(metadata: SnapshotMetadata): string {
  if (!metadata.timestampAuthority) return 'Ingen betrodd tidsstämpel: tidpunkten är datorns egen. Med en tidsstämpeltjänst (--tsa) kan tiden bevisas.';
  return `Begärs hos ${capped(metadata.timestampAuthority, 200)} när ögonblicksbilden sparas. Stämpeln (timestamp.tsr) ligger bredvid handlingen i paketet och prövas med ”kanalarkiv verify” eller ”openssl ts -verify”.`;
}

/** Whose channel it is: the organisation, the channel, its unit and the people who answer for it. */
function whoseRows(writer: PageWriter, metadata: SnapshotMetadata): void {
  const { channel } = metadata;
  writer.row('Organisation', metadata.organisation || 'Inte angiven');
  writer.row('Kanal', channel.name);
  writer.row('Plattform', PLATFORM_NAMES[channel.platform] ?? channel.platform);
  writer.row('Enhet', channel.unit);
  writer.row('Sidansvarig', channel.pageOwner || 'Inte angiven');
  writer.row('Kontoansvariga', channel.owners.join(', ') || 'Inga angivna');
}

/** The app's "regular" reason, in both its languages: the reason a capture outside every round must not claim unqualified. */
const REGULAR = new Set([sv.capture.reasons.regular, en.capture.reasons.regular]);

/** The reason as given, and when a regular snapshot fell outside every round, that it counts as an extra one: the reason and the round never contradict. */
function reasonText(metadata: SnapshotMetadata): string {
  const regular = [...REGULAR].some((text) => metadata.reason === text || metadata.reason.startsWith(`${text}:`));
  return regular && metadata.round === null ? `${metadata.reason} (ingen omgång pågick, så den räknas som extra)` : metadata.reason;
}

/** A page's lines (name, text, time) as one paragraph, each line kept apart. */
const oneParagraph = (text: string) => text.split(/\s*\n\s*/).filter(Boolean).join(' · ');

/** How the record was made: login, cookie banner, browser, profile, tool, identity. */
function howRows(writer: PageWriter, metadata: SnapshotMetadata, method: string): void {
  const { channel, capture } = metadata;
  if (channel.platform !== 'web' && capture.loggedIn !== null) writer.row('Inloggad', capture.loggedIn ? 'Ja, med plattformens inloggningsprofil' : 'Nej: det en besökare utan inloggning ser');
  writer.row('Cookie-banner', capture.consent.cmp === null ? 'Ingen hittades' : capture.consent.optedOut ? `Avvisad (${capture.consent.cmp})` : `Kunde inte avvisas (${capture.consent.cmp})`);
  writer.row('Webbläsare', `${capture.browser.name} ${capture.browser.version}`);
  if (capture.browser.userAgent) writer.row('Användaragent', capture.browser.userAgent);
  writer.row('Uttagsprofil', `version ${capture.profileVersion}: ${capture.viewport.width} × ${capture.viewport.height} px, skala 1, sv-SE, Europe/Stockholm, reducerad rörelse, ${method}`);
  writer.row('Webbkopia', webCopyText(capture.webCopy));
  writer.row('Verktyg', `${capture.tool.name} ${capture.tool.version}`);
  writer.row('Operativsystem', capture.os.name ? `${capture.os.name}, ${capture.os.arch}` : `${capture.os.platform} ${capture.os.release} (${capture.os.arch})`);
  writer.row('Identitet', metadata.snapshotId);
}

/** What the replayable web copy holds: every response with its body, and any the browser could not give back. */
function webCopyText(webCopy: SnapshotMetadata['capture']['webCopy']): string {
  if (!webCopy) return 'Ingen: gjord innan Kanalarkiv sparade webbkopior';
  const size = webCopy.bytes < 1_048_576
    ? `${Math.max(1, Math.round(webCopy.bytes / 1024)).toLocaleString('sv-SE')} kB`
    : `${(webCopy.bytes / 1_048_576).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
  const kept = `data/page.wacz: ${webCopy.responses.toLocaleString('sv-SE')} svar från webbplatsen med innehåll (${size}), kan spelas upp i Kanalarkiv eller ReplayWeb.page`;
  return webCopy.withoutBody === 0 ? kept : `${kept}; ${webCopy.withoutBody.toLocaleString('sv-SE')} svar utan innehåll (webbläsaren kunde inte ge tillbaka det, eller det var större än 50 MB)`;
}

/** How many of the pictured posts the MHTML copy holds; a virtualised feed keeps only the last ones in the page. */
/** Which rows of the picture are the page, when a strip of bottom bars is shown once below it. */
function stripText(strip: SnapshotMetadata['capture']['bottomStrip']): string {
  if (!strip) return '';
  return `. Av dem är de sista ${strip.height.toLocaleString('sv-SE')} px fälten längst ned i fönstret, som visas en gång under sidan; sidan själv är de översta ${strip.top.toLocaleString('sv-SE')} px`;
}

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
