import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { Page, Request } from 'playwright-core';
import { WARCRecord, WARCSerializer } from 'warcio';
import { packWacz, type WebCopyPage } from '../evidence/wacz';
import { softwareName } from '../resources';
import type { Timings } from './timings';

/** What the web copy holds of the page's traffic, for the record's facts and the benchmark. */
export interface WebCopyTally {
  /** Responses kept with their bodies. */
  responses: number;
  /** Responses the browser received whose body it could not give back (a stream cut off, a page gone): named, not hidden. */
  withoutBody: number;
  /** Bytes of the WARC file, gzipped. */
  bytes: number;
}

/**
 * Headers that carry the account's session or a login: a record is an official document that
 * others may read, so the web copy never keeps them (a replay needs none of them).
 */
const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization', 'x-csrf-token', 'x-ig-www-claim']);

/** Bodies are kept whole up to this size; a longer one (a video) is kept as its headers, and counted. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

/**
 * Records every response the page receives, with its request, as WARC 1.1 records in one gzipped
 * file (each record its own gzip member, so an index can point into it), as Browsertrix's recorder
 * does over the DevTools protocol. Playwright gives each body decoded, so the original
 * Content-Encoding is kept as X-Orig-Content-Encoding (browsertrix-crawler's convention) and the
 * length is the decoded one: a replay then serves the bytes it has.
 */
export class WebRecorder {
  private readonly pending = new Set<Promise<void>>();
  private writing: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private finished: Promise<WebCopyTally> | undefined;
  private readonly hash = createHash('sha256');
  private readonly tally: WebCopyTally = { responses: 0, withoutBody: 0, bytes: 0 };

  private constructor(
    private readonly file: FileHandle,
    private readonly timings: Timings,
  ) {}

  /**
   * Records `page` into `warcFile` while `work` runs, from before the page is opened so that its
   * first document is in the copy. The file is closed however `work` ends (a draft with an open
   * file could not be removed on Windows).
   */
  static async during<T>(page: Page, warcFile: string, timings: Timings, work: (recorder: WebRecorder) => Promise<T>): Promise<T> {
    const recorder = new WebRecorder(await open(warcFile, 'w'), timings);
    try {
      await recorder.append(WARCRecord.createWARCInfo({ filename: 'data.warc.gz', warcVersion: 'WARC/1.1' }, { software: softwareName(), format: 'WARC File Format 1.1' }));
      page.on('requestfinished', (request) => recorder.track(timings.time('webcopy-record', () => recorder.keep(request))));
      return await work(recorder);
    } finally {
      await recorder.finish().catch(() => undefined);
    }
  }

  /** Waits for the responses still being written, closes the file and says what it holds. Nothing is recorded after. */
  finish(): Promise<WebCopyTally> {
    this.finished ??= (async () => {
      while (this.pending.size > 0) await Promise.all([...this.pending]);
      this.stopped = true;
      await this.writing;
      await this.file.close();
      return { ...this.tally };
    })();
    return this.finished;
  }

  /** Finishes the recording and packs it as the web copy, `waczFile`; the WARC file goes into it. */
  async save(warcFile: string, waczFile: string, page: WebCopyPage): Promise<WebCopyTally> {
    const tally = await this.finish();
    // The WARC's hash was taken as it was written: the file is not read again for it.
    await packWacz(warcFile, { sha256: this.hash.digest('hex'), bytes: tally.bytes }, waczFile, page, softwareName());
    return tally;
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async keep(request: Request): Promise<void> {
    const url = request.url();
    if (this.stopped || !/^https?:/.test(url)) return;
    const response = await request.response().catch(() => null);
    if (!response) return;
    const status = response.status();
    // A redirect has no body to give; its Location header is what a replay follows.
    let body: Buffer | null = status >= 300 && status < 400 ? Buffer.alloc(0) : await response.body().catch(() => null);
    if (body && body.length > MAX_BODY_BYTES) body = null;
    if (body === null) this.tally.withoutBody++;
    else this.tally.responses++;
    const { startTime } = request.timing();
    const date = new Date(startTime > 0 ? startTime : Date.now()).toISOString();
    const headers = (await response.headersArray().catch(() => [])).filter(({ name }) => keepHeader(name));
    const encoded = headers.find(({ name }) => name.toLowerCase() === 'content-encoding');
    const httpHeaders: [string, string][] = headers
      .filter(({ name }) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name.toLowerCase()))
      .map(({ name, value }) => [name, value]);
    if (encoded) httpHeaders.push(['X-Orig-Content-Encoding', encoded.value]);
    httpHeaders.push(['Content-Length', String(body?.length ?? 0)]);
    const responseRecord = WARCRecord.create({
      url,
      date,
      type: 'response',
      warcVersion: 'WARC/1.1',
      statusline: `HTTP/1.1 ${status} ${response.statusText() || 'OK'}`,
      httpHeaders,
      // Kept without its body: the replay answers with the headers, and the count says so.
      warcHeaders: body === null ? { 'WARC-Truncated': 'length' } : undefined,
    }, body && body.length > 0 ? [body] : []);
    const target = new URL(url);
    const requestHeaders = (await request.headersArray().catch(() => []))
      .filter(({ name }) => keepHeader(name))
      .map(({ name, value }): [string, string] => [name, value]);
    const posted = request.postDataBuffer();
    const requestRecord = WARCRecord.create({
      url,
      date,
      type: 'request',
      warcVersion: 'WARC/1.1',
      statusline: `${request.method()} ${target.pathname}${target.search} HTTP/1.1`,
      httpHeaders: requestHeaders,
      warcHeaders: { 'WARC-Concurrent-To': responseRecord.warcHeaders.headers.get('WARC-Record-ID') ?? '' },
    }, posted ? [posted] : []);
    await this.append(responseRecord, requestRecord);
  }

  /** Writes records one after another: each response's pair stays together in the file. */
  private append(...records: WARCRecord[]): Promise<unknown> {
    this.writing = this.writing.then(async () => {
      for (const record of records) {
        const bytes = await WARCSerializer.serialize(record, { gzip: true });
        await this.file.write(bytes);
        this.hash.update(bytes);
        this.tally.bytes += bytes.length;
      }
    });
    return this.writing;
  }
}

/** HTTP/2's pseudo-headers are no headers of a WARC's HTTP/1.1 block, and the session's are never kept. */
function keepHeader(name: string): boolean {
  return !name.startsWith(':') && !SECRET_HEADERS.has(name.toLowerCase());
}
