import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { digestFile, syncPath } from '../../archive/files';
import { METADATA_FILE } from '../../archive/layout';
import { resourcesDir, tool } from '../../resources';
import { checkCancelled, type HandoverAdapter } from '../deliver';
import { HandoverError } from '../errors';
import type { HandoverItem } from '../items';
import { dublinCore } from './descriptive';
import { representationMets, rootMets, type MetsAgents, type MetsFile } from './mets';
import { premisXml, type PreservedFile } from './premis';

export const SCHEMA_FILES = ['mets.xsd', 'xlink.xsd', 'DILCISExtensionMETS.xsd', 'DILCISExtensionSIPMETS.xsd'];
const REPRESENTATION = 'rep1';
const PARTIAL = '.zip.partial';

export interface EarkOptions {
  dir: string;
  organisation: string;
  /** Organisationsnummer, for the SIP's archival creator and submitter agents. */
  organisationId: string;
  /** The registrar handing over, as the package's contact person. */
  contact: string;
}

/** One file going into the package: bytes in memory (metadata) or a file on disk (records). */
interface Entry extends MetsFile {
  source: Buffer | string;
}

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
      const zipName = `${objid}.zip`;
      for (const item of rest) await context.started(item, zipName);
      await writePackage(rest, objid, path.join(root, zipName), options, context.signal);
      for (const item of rest) await context.delivered(item, zipName);
    },
  };
}

async function writePackage(items: HandoverItem[], objid: string, zipFile: string, options: EarkOptions, signal?: AbortSignal): Promise<void> {
  const created = new Date().toISOString();
  const software = tool();
  const agents: MetsAgents = { organisation: options.organisation, organisationId: options.organisationId, contact: options.contact, software };
  const label = `Ögonblicksbilder av sociala medier (${items.length} st) från ${options.organisation || 'Kanalarkiv'}`;
  const repDir = `representations/${REPRESENTATION}`;

  const data: Entry[] = [];
  const preserved: PreservedFile[] = [];
  for (const item of items) {
    const base = `data/${item.ref}`;
    const record: Entry = { href: `${base}/record.pdf`, mimeType: 'application/pdf', bytes: item.bytes, sha256: item.sha256, created: item.metadata.capture.finishedAt, source: item.recordFile };
    const metadataFile = path.join(item.bag, 'data', METADATA_FILE);
    const meta = await digestFile(metadataFile);
    const metadata: Entry = { href: `${base}/${METADATA_FILE}`, mimeType: 'application/json', bytes: meta.bytes, sha256: meta.sha256, created: item.metadata.capture.finishedAt, source: metadataFile };
    data.push(record, metadata);
    preserved.push(
      { path: `${repDir}/${record.href}`, sha256: record.sha256, bytes: record.bytes, formatName: 'PDF/A-2u', pronom: 'fmt/478', item },
      { path: `${repDir}/${metadata.href}`, sha256: metadata.sha256, bytes: metadata.bytes, formatName: 'JSON', pronom: 'fmt/817', item },
    );
  }
  const repMets = memory(`${repDir}/METS.xml`, 'text/xml', created, representationMets({ objid, label, created, agents, data }));

  const descriptive = items.map((item) => memory(`metadata/descriptive/${item.ref.replace(/\//g, '_')}.xml`, 'text/xml', created, dublinCore(item, options.organisation)));
  const premis = memory('metadata/preservation/premis.xml', 'text/xml', created, premisXml(preserved, { objid, organisation: options.organisation, by: options.contact, deliveredAt: created, software }));
  const documentation = [memory('documentation/leveransbeskrivning.txt', 'text/plain', created, deliveryDescription(items, objid, options, created))];
  const schemas: Entry[] = [];
  for (const name of SCHEMA_FILES) schemas.push(memory(`schemas/${name}`, 'text/xml', created, await readFile(path.join(resourcesDir(), 'eark', name))));

  const mets = memory(
    'METS.xml',
    'text/xml',
    created,
    rootMets({ objid, label, created, agents, descriptive, preservation: [premis], documentation, schemas, representations: [{ name: REPRESENTATION, mets: repMets }] }),
  );

  const zip = new yazl.ZipFile();
  const mtime = new Date(created);
  const add = (entry: Entry, prefix = '') => {
    const name = `${objid}/${prefix}${entry.href}`;
    if (typeof entry.source === 'string') zip.addFile(entry.source, name, { mtime, compress: false });
    else zip.addBuffer(entry.source, name, { mtime, compress: true });
  };
  for (const entry of [mets, ...descriptive, premis, ...documentation, ...schemas, repMets]) add(entry);
  for (const entry of data) add(entry, `${repDir}/`);
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
    `Programvara: ${tool().name} ${tool().version}`,
    '',
    'Paketet följer FGS Paketstruktur 2.0 (E-ARK CSIP 2.1 och SIP 2.1). Varje handling är en ögonblicksbild av en kanal i sociala medier, sparad som PDF/A-2u, med tekniska metadata i metadata.json. Kontrollsummor (SHA-256) finns i METS.xml och metadata/preservation/premis.xml.',
    '',
    'Handlingar:',
    ...items.map((item) => `- ${item.title} (${item.metadata.channel.unit}; omgång: ${item.metadata.round ?? 'ingen'}) representations/${REPRESENTATION}/data/${item.ref}/record.pdf SHA-256 ${item.sha256}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Packages cut off by an interrupted run are incomplete by construction; they are ours to remove. */
async function removePartialPackages(root: string): Promise<void> {
  for (const name of await readdir(root)) if (name.startsWith('uuid-') && name.endsWith(PARTIAL)) await rm(path.join(root, name), { force: true });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
