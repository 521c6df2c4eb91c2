import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { CDXIndexer } from 'warcio';
import yazl from 'yazl';

/** The page a web copy is of: the address it ended at, its title and when it was taken. */
export interface WebCopyPage {
  url: string;
  title: string;
  /** ISO time the capture started. */
  ts: string;
}

/** Where each part lives inside a WACZ 1.1.1 file (specs.webrecorder.net/wacz/1.1.1/). */
export const WACZ_WARC = 'archive/data.warc.gz';
export const WACZ_INDEX = 'indexes/index.cdxj';
export const WACZ_PAGES = 'pages/pages.jsonl';
export const WACZ_DATAPACKAGE = 'datapackage.json';
export const WACZ_DIGEST = 'datapackage-digest.json';

interface Resource {
  name: string;
  path: string;
  hash: string;
  bytes: number;
}

/**
 * Packs a recorded WARC file as one WACZ 1.1.1 file: the WARC, its CDXJ index (warcio's indexer,
 * sorted as browsertrix-crawler sorts it), the page list, datapackage.json with each resource's
 * SHA-256 and datapackage-digest.json. Entries are stored, not compressed: the WARC's gzip members
 * are read in place by a replay. `warc` is the WARC file's SHA-256 and size, as its writer counted
 * them. The WARC file is removed once it is in the package.
 */
export async function packWacz(warcFile: string, warc: { sha256: string; bytes: number }, waczFile: string, page: WebCopyPage, software: string): Promise<void> {
  const indexer = new CDXIndexer({ format: 'cdxj' } as ConstructorParameters<typeof CDXIndexer>[0]);
  const lines: string[] = [];
  for await (const entry of indexer.iterIndex([{ filename: WACZ_WARC.slice('archive/'.length), reader: createReadStream(warcFile) }])) {
    lines.push(indexer.serializeCDXJ(entry));
  }
  lines.sort();
  const index = Buffer.from(lines.join(''));
  const pages = Buffer.from(`${[
    { format: 'json-pages-1.0', id: 'pages', title: 'All Pages' },
    { id: randomUUID(), url: page.url, title: page.title, ts: page.ts },
  ].map((line) => JSON.stringify(line)).join('\n')}\n`);

  const resources: Resource[] = [
    { name: 'data.warc.gz', path: WACZ_WARC, hash: `sha256:${warc.sha256}`, bytes: warc.bytes },
    resource(WACZ_INDEX, index),
    resource(WACZ_PAGES, pages),
  ];
  const datapackage = Buffer.from(JSON.stringify({
    profile: 'data-package',
    wacz_version: '1.1.1',
    title: page.title,
    created: page.ts.replace(/\.\d+Z$/, 'Z'),
    software,
    mainPageUrl: page.url,
    mainPageDate: page.ts,
    resources,
  }, null, 2));
  const digest = Buffer.from(JSON.stringify({ path: WACZ_DATAPACKAGE, hash: `sha256:${sha256(datapackage)}` }, null, 2));

  const zip = new yazl.ZipFile();
  const mtime = new Date(page.ts);
  zip.addFile(warcFile, WACZ_WARC, { mtime, compress: false });
  for (const [name, data] of [[WACZ_INDEX, index], [WACZ_PAGES, pages], [WACZ_DATAPACKAGE, datapackage], [WACZ_DIGEST, digest]] as const) {
    zip.addBuffer(data, name, { mtime, compress: false });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(waczFile));
  await rm(warcFile);
}

function resource(name: string, data: Buffer): Resource {
  return { name: name.slice(name.lastIndexOf('/') + 1), path: name, hash: `sha256:${sha256(data)}`, bytes: data.length };
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
