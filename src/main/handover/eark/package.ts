import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { syncPath } from '../../archive/files';
import { DATA_DIR, TAG_FILES, TIMESTAMP_FILE, WEB_COPY_FILE } from '../../archive/layout';
import type { PreservationEvent } from '../../../shared/snapshot';
import { readHistory, recordEvents, type ArchiveHistory } from './record-events';
import { bagDigests } from '../../archive/verify';
import { stockholmDay } from '../../../shared/dates';
import { roundTitle } from '../../../shared/rounds';
import { messagesIn } from '../../messages';
import { safeName } from '../place';
import { resourcesDir, softwareName, tool } from '../../resources';
import { checkCancelled, type HandoverAdapter } from '../deliver';
import { HandoverError } from '../errors';
import type { HandoverItem } from '../items';
import { dublinCore } from './descriptive';
import { representationMets, rootMets, type MetsAgents, type MetsFile } from './mets';
import { premisXml, type PreservedFile } from './premis';

export const SCHEMA_FILES = ['mets.xsd', 'xlink.xsd', 'DILCISExtensionMETS.xsd', 'DILCISExtensionSIPMETS.xsd'];
/**
 * The two representations of each record (E-ARK CSIP's representations/): the record itself (the
 * PDF/A with its screenshots, text, metadata and MHTML copy), and its replayable web copy (WACZ).
 */
const RECORD_REP = 'rep1';
const WEB_COPY_REP = 'rep2';
/** Each bag's tag files and its trusted timestamp, so that the stamp can be checked in the e-archive (openssl ts -verify -data tagmanifest-sha256.txt). */
const BAG_EVIDENCE = [...TAG_FILES, TIMESTAMP_FILE];
const PARTIAL = '.zip.partial';

export interface EarkOptions {
  dir: string;
  organisation: string;
  /** Organisationsnummer, for the SIP's archival creator and submitter agents. */
  organisationId: string;
  /** The registrar handing over, as the package's contact person. */
  contact: string;
  /** The submission agreement's reference, for METS; '' when none is set. */
  submissionAgreement?: string;
}

/** One file going into the package: bytes in memory (metadata) or a file on disk (records). */
interface Entry extends MetsFile {
  source: Buffer | string;
  /** For preservation metadata that is not PREMIS: what METS calls it (OTHERMDTYPE). */
  otherMdType?: string;
}

const REPRESENTATION_LABELS: Record<string, string> = { [RECORD_REP]: 'handlingarna (PDF/A med skärmbilder, text och metadata)', [WEB_COPY_REP]: 'webbkopiorna (WACZ)' };

/**
 * An e-archive package, FGS Paketstruktur 2.0 = E-ARK CSIP 2.1 + SIP 2.1, as one ZIP per delivery.
 * The ZIP is written under a temporary name and renamed when complete, so a package that is there is whole.
 */
export function earkAdapter(options: EarkOptions): HandoverAdapter {
  if (!options.dir) throw new HandoverError('settings', 'No folder for e-archive packages is set. Choose one in Settings → Handover, or give --dest DIR.', { what: 'eark_folder' });
  const root = path.resolve(options.dir);
  return {
    target: 'eark',
    destination: root,
    async deliver(items, context) {
      await mkdir(root, { recursive: true });
      await removePartialPackages(root);
      // Records an interrupted run had put in a package that did get finished are delivered already.
      const rest: HandoverItem[] = [];
      for (const item of items) {
        const earlier = context.interrupted.get(item.snapshotId)?.remoteId;
        if (earlier && (await isFile(path.join(root, earlier)))) await context.delivered(item, earlier);
        else rest.push(item);
      }
      if (rest.length === 0) return;
      checkCancelled(context.signal);
      const objid = `uuid-${randomUUID()}`;
      const zipName = packageName(rest, options.organisation, objid);
      for (const item of rest) await context.started(item, zipName);
      await writePackage(rest, objid, path.join(root, zipName), options, await readHistory(context.archiveDir, context.earlier), context.signal);
      for (const item of rest) await context.delivered(item, zipName);
    },
  };
}

async function writePackage(items: HandoverItem[], objid: string, zipFile: string, options: EarkOptions, history: ArchiveHistory, signal?: AbortSignal): Promise<void> {
  const created = new Date().toISOString();
  const software = tool();
  const agents: MetsAgents = { organisation: options.organisation, organisationId: options.organisationId, contact: options.contact, software, submissionAgreement: options.submissionAgreement ?? '' };
  const label = `Ögonblicksbilder av sociala medier (${items.length} st, ${roundsOf(items)}) från ${options.organisation || 'Kanalarkiv'}`;

  const data: Record<string, Entry[]> = { [RECORD_REP]: [], [WEB_COPY_REP]: [] };
  const preserved: PreservedFile[] = [];
  const evidence: Entry[] = [];
  const events = new Map<HandoverItem, PreservationEvent[]>();
  for (const item of items) {
    // The whole record: every payload file of the bag (the PDF, the screenshot pieces, the MHTML, the
    // text, the metadata and the web copy), with the checksums of its manifest, which loadItem has just verified.
    const digests = await bagDigests(item.bag);
    for (const [file, sha256] of [...digests].filter(([f]) => f.startsWith(`${DATA_DIR}/`)).sort(([a], [b]) => a.localeCompare(b))) {
      const source = path.join(item.bag, ...file.split('/'));
      const format = formatOf(file);
      const rep = file === `${DATA_DIR}/${WEB_COPY_FILE}` ? WEB_COPY_REP : RECORD_REP;
      const entry: Entry = { href: `data/${item.ref}/${file.slice(DATA_DIR.length + 1)}`, mimeType: format.mimeType, bytes: (await stat(source)).size, sha256, created: item.metadata.capture.finishedAt, source };
      data[rep]!.push(entry);
      preserved.push({ path: `representations/${rep}/${entry.href}`, sha256, bytes: entry.bytes, formatName: format.name, pronom: format.pronom, item });
    }
    for (const name of BAG_EVIDENCE) {
      const content = await readFile(path.join(item.bag, name)).catch(() => null);
      if (content) evidence.push({ ...memory(`metadata/preservation/bags/${item.ref}/${name}`, name === TIMESTAMP_FILE ? 'application/timestamp-reply' : 'text/plain', created, content), otherMdType: name === TIMESTAMP_FILE ? 'RFC 3161 time-stamp token' : 'BagIt' });
    }
    events.set(item, await recordEvents(item, history));
  }
  const representations = [RECORD_REP, WEB_COPY_REP].filter((rep) => data[rep]!.length > 0).map((rep) => ({
    name: rep,
    mets: memory(`representations/${rep}/METS.xml`, 'text/xml', created, representationMets({ objid, label: `${label}: ${REPRESENTATION_LABELS[rep]}`, created, agents, data: data[rep]! })),
  }));

  const descriptive = items.map((item) => memory(`metadata/descriptive/${item.ref.replace(/\//g, '_')}.xml`, 'text/xml', created, dublinCore(item, options.organisation)));
  const premis = memory('metadata/preservation/premis.xml', 'text/xml', created, premisXml(preserved, { objid, organisation: options.organisation, by: options.contact, deliveredAt: created, software, events }));
  const documentation = [memory('documentation/leveransbeskrivning.txt', 'text/plain', created, deliveryDescription(items, objid, options, created))];
  const schemas: Entry[] = [];
  for (const name of SCHEMA_FILES) schemas.push(memory(`schemas/${name}`, 'text/xml', created, await readFile(path.join(resourcesDir(), 'eark', name))));

  const mets = memory(
    'METS.xml',
    'text/xml',
    created,
    rootMets({ objid, label, created, agents, descriptive, preservation: [premis, ...evidence], documentation, schemas, representations }),
  );

  const zip = new yazl.ZipFile();
  const mtime = new Date(created);
  const add = (entry: Entry, prefix = '') => {
    const name = `${objid}/${prefix}${entry.href}`;
    if (typeof entry.source === 'string') zip.addFile(entry.source, name, { mtime, compress: false });
    else zip.addBuffer(entry.source, name, { mtime, compress: true });
  };
  for (const entry of [mets, ...descriptive, premis, ...evidence, ...documentation, ...schemas, ...representations.map((rep) => rep.mets)]) add(entry);
  for (const rep of representations) for (const entry of data[rep.name]!) add(entry, `representations/${rep.name}/`);
  zip.end();

  const partial = `${zipFile.slice(0, -'.zip'.length)}${PARTIAL}`;
  try {
    await pipeline(zip.outputStream, createWriteStream(partial), { signal });
    await syncPath(partial);
    await rename(partial, zipFile);
    await syncPath(path.dirname(zipFile));
  } catch (error) {
    await rm(partial, { force: true });
    if (signal?.aborted) throw new HandoverError('cancelled', 'The handover was cancelled while the package was written; nothing was delivered.');
    throw new HandoverError('unreachable', `Could not write the package ${zipFile}: ${(error as Error).message}`);
  }
}

/**
 * The formats of a bag's payload files, with their PRONOM ids: PDF/A-2u fmt/478, PNG 1.2 fmt/13,
 * MHTML x-fmt/429 (as KOST's format catalogue gives it), plain text x-fmt/111, JSON fmt/817; the web copy, WACZ.
 */
function formatOf(file: string): { mimeType: string; name: string; pronom: string | null } {
  // WACZ has no PRONOM id that we could confirm: the format is named, no registry key is claimed.
  if (file.endsWith('.wacz')) return { mimeType: 'application/wacz', name: 'WACZ 1.1.1 (Web Archive Collection Zipped, with WARC 1.1)', pronom: null };
  if (file.endsWith('.pdf')) return { mimeType: 'application/pdf', name: 'PDF/A-2u', pronom: 'fmt/478' };
  if (file.endsWith('.png')) return { mimeType: 'image/png', name: 'PNG 1.2', pronom: 'fmt/13' };
  if (file.endsWith('.mhtml')) return { mimeType: 'multipart/related', name: 'MHTML', pronom: 'x-fmt/429' };
  if (file.endsWith('.json')) return { mimeType: 'application/json', name: 'JSON', pronom: 'fmt/817' };
  return { mimeType: 'text/plain', name: 'Plain text (UTF-8)', pronom: 'x-fmt/111' };
}

const swedish = messagesIn('sv');

/** The rounds a package's records belong to, as people say them: "Aprilomgången 2026", "2 omgångar", "utanför omgång". */
function roundsOf(items: HandoverItem[]): string {
  const rounds = [...new Set(items.map((item) => item.metadata.round))];
  const named = rounds.filter((r): r is string => r !== null).map((r) => roundTitle(r, swedish));
  if (named.length > 2) return `${named.length} omgångar${rounds.includes(null) ? ' och utanför omgång' : ''}`;
  return [...named, ...(rounds.includes(null) ? ['utanför omgång'] : [])].join(' och ');
}

/**
 * The ZIP's name says what it is: "E-arkivpaket Umeå kommun Aprilomgången 2026 2026-12-02 uuid-….zip".
 * The OBJID at its end names the root folder inside and keeps every package's name its own.
 */
function packageName(items: HandoverItem[], organisation: string, objid: string): string {
  return `${safeName(`E-arkivpaket ${organisation || 'Kanalarkiv'} ${roundsOf(items)} ${stockholmDay(new Date().toISOString())}`)} ${objid}.zip`;
}

function memory(href: string, mimeType: string, created: string, content: string | Buffer): Entry {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { href, mimeType, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), created, source: bytes };
}

/** A plain account of the delivery for whoever opens the package, in Swedish. */
function deliveryDescription(items: HandoverItem[], objid: string, options: EarkOptions, created: string): string {
  const lines = [
    'Leveransbeskrivning',
    '',
    `Paket: ${objid}`,
    `Skapat: ${created}`,
    `Organisation: ${options.organisation || '–'}${options.organisationId ? ` (${options.organisationId})` : ''}`,
    `Levererat av: ${options.contact || '–'}`,
    `Leveransöverenskommelse: ${options.submissionAgreement || '–'}`,
    `Programvara: ${softwareName()}`,
    '',
    `Paketet följer FGS Paketstruktur 2.0 (E-ARK CSIP 2.1 och SIP 2.1). Varje handling är en ögonblicksbild av en kanal i sociala medier, sparad som PDF/A-2u, och levereras hel i två representationer: ${RECORD_REP} med handlingen, skärmbilderna i full upplösning (PNG), sidan som webbarkiv (MHTML), sidans text (page.txt) och tekniska metadata (metadata.json); ${WEB_COPY_REP} med sidans webbkopia (page.wacz, WACZ 1.1.1), som kan spelas upp i ReplayWeb.page utan kontakt med webben. Kontrollsummor (SHA-256) finns i METS.xml och metadata/preservation/premis.xml, som också listar handlingens händelser (PREMIS 3). Varje påses manifest och dess betrodda tidsstämpel (timestamp.tsr, RFC 3161) ligger i metadata/preservation/bags/ och prövas med openssl ts -verify -data tagmanifest-sha256.txt -in timestamp.tsr -CAfile <tjänstens rotcertifikat>.`,
    '',
    'Handlingar:',
    ...items.map((item) => `- ${item.title} (${item.metadata.channel.unit}; omgång: ${item.metadata.round ?? 'ingen'}) representations/${RECORD_REP}/data/${item.ref}/record.pdf SHA-256 ${item.sha256}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Packages cut off by an interrupted run are incomplete by construction; they are ours to remove. */
async function removePartialPackages(root: string): Promise<void> {
  for (const name of await readdir(root)) if (/(^| )uuid-[^ ]+\.zip\.partial$/.test(name)) await rm(path.join(root, name), { force: true });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
