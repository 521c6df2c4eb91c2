import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { WARCParser, type WARCRecord } from 'warcio';
import yauzl from 'yauzl';

export interface WarcEntry {
  type: string;
  url: string;
  status: number | null;
  headers: Array<[string, string]>;
  body: Buffer;
  truncated: string | null;
}

export interface WaczReading {
  /** The zip's entries by name, with whether each was stored uncompressed. */
  entries: Map<string, { data: Buffer; stored: boolean }>;
  datapackage: { wacz_version: string; mainPageUrl?: string; resources: Array<{ name: string; path: string; hash: string; bytes: number }> };
  digest: { path: string; hash: string };
  pages: Array<{ url?: string; title?: string; ts?: string; format?: string }>;
  index: Array<{ key: string; ts: string; url: string; offset: number; length: number; filename: string }>;
  records: WarcEntry[];
}

/**
 * Reads a WACZ file the way a stranger would, with none of Kanalarkiv's code: the zip with yauzl,
 * the WARC with warcio's parser, the index and page list as the WACZ 1.1.1 specification lays them out.
 */
export async function readWacz(file: string): Promise<WaczReading> {
  const entries = await unzip(file);
  const text = (name: string) => {
    const entry = entries.get(name);
    if (!entry) throw new Error(`${name} is not in the WACZ`);
    return entry.data.toString('utf8');
  };
  const index = text('indexes/index.cdxj').split('\n').filter(Boolean).map((line) => {
    const [key, ts] = line.split(' ', 2) as [string, string];
    const json = JSON.parse(line.slice(key.length + ts.length + 2)) as { url: string; offset: string; length: string; filename: string };
    return { key, ts, url: json.url, offset: Number(json.offset), length: Number(json.length), filename: json.filename };
  });
  const records: WarcEntry[] = [];
  for await (const record of WARCParser.iterRecords(Readable.from([entries.get('archive/data.warc.gz')!.data]))) records.push(await entryOf(record));
  return {
    entries,
    datapackage: JSON.parse(text('datapackage.json')),
    digest: JSON.parse(text('datapackage-digest.json')),
    pages: text('pages/pages.jsonl').split('\n').filter(Boolean).map((line) => JSON.parse(line)),
    index,
    records,
  };
}

export const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

async function entryOf(record: WARCRecord): Promise<WarcEntry> {
  const headers: Array<[string, string]> = [];
  record.httpHeaders?.headers.forEach((value, name) => headers.push([name, value]));
  return {
    type: record.warcType ?? '',
    url: record.warcTargetURI ?? '',
    status: record.httpHeaders?.statusCode ? Number(record.httpHeaders.statusCode) : null,
    headers,
    body: Buffer.from(await record.readFully(true)),
    truncated: record.warcHeaders.headers.get('WARC-Truncated') ?? null,
  };
}

function unzip(file: string): Promise<Map<string, { data: Buffer; stored: boolean }>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, { data: Buffer; stored: boolean }>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, { data: Buffer.concat(chunks), stored: entry.compressionMethod === 0 });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
