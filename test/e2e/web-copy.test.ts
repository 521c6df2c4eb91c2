import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotMetadataSchema } from '../../src/shared/snapshot';
import { WEB_COPY_FETCHED, WEB_COPY_SECRET, startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { runCli } from '../helpers/cli';
import { readWacz, sha256, type WaczReading } from '../helpers/wacz';

/** Each record holds a replayable web copy of its page (WACZ 1.1.1), read here with warcio and yauzl alone. */
let site: FixtureSite;
let work: string;
let bag: string;
let wacz: WaczReading;
beforeAll(async () => {
  site = await startFixtureSite();
  work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-webcopy-'));
  const channels = path.join(work, 'kanaler.json');
  writeFileSync(channels, JSON.stringify([{ id: 'kultur', name: 'Kultur', platform: 'web', url: site.url('/web-copy/start'), unit: 'U', owners: ['A', 'B'] }]));
  const run = await runCli(['capture', '--channels', channels, '--archive', path.join(work, 'arkiv'), '--json']);
  expect(run.code, run.stderr).toBe(0);
  bag = (JSON.parse(run.stdout).results as Array<{ record: string }>)[0]!.record;
  wacz = await readWacz(path.join(bag, 'data', 'page.wacz'));
}, 180_000);
afterAll(async () => {
  await site?.close();
});

describe('the web copy (page.wacz)', () => {
  it('holds every response the page received: the redirect, the gzipped page decoded, its picture and what it fetched', () => {
    const responses = wacz.records.filter((r) => r.type === 'response');
    const at = (pathname: string) => responses.find((r) => r.url === site.url(pathname));
    expect(at('/web-copy/start')?.status).toBe(301);
    expect(at('/web-copy/start')?.headers).toContainEqual(['location', '/web-copy']);
    const document = at('/web-copy')!;
    expect(document.status).toBe(200);
    expect(document.body.toString('utf8')).toContain('Kultur Umeå på webben');
    // The body is kept decoded, so the encoding is named, not claimed.
    expect(document.headers.map(([name]) => name.toLowerCase())).not.toContain('content-encoding');
    expect(document.headers).toContainEqual(['x-orig-content-encoding', 'gzip']);
    expect(Number(document.headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1])).toBe(document.body.length);
    const picture = at('/img/3366cc')!;
    expect(picture.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(at('/web-copy/text.json')!.body.toString('utf8')).toContain(WEB_COPY_FETCHED);
    // Each response has its request beside it.
    expect(wacz.records.filter((r) => r.type === 'request').length).toBe(responses.length);
    expect(wacz.records[0]!.type).toBe('warcinfo');
  });

  it('keeps no session: no cookie, set-cookie or authorization header, and the session\'s value nowhere in the copy', () => {
    for (const record of wacz.records) {
      expect(record.headers.map(([name]) => name.toLowerCase())).not.toEqual(expect.arrayContaining(['cookie']));
      expect(record.headers.map(([name]) => name.toLowerCase())).not.toEqual(expect.arrayContaining(['set-cookie']));
    }
    const warc = execFileSync('gzip', ['-dc'], { input: wacz.entries.get('archive/data.warc.gz')!.data });
    expect(warc.toString('latin1')).not.toContain(WEB_COPY_SECRET);
    expect(readFileSync(path.join(bag, 'data', 'page.mhtml'), 'latin1')).not.toContain(WEB_COPY_SECRET);
  });

  it('is a WACZ 1.1.1 a stranger can check: every resource hash holds, the digest holds, and the page is in the index', () => {
    expect(wacz.datapackage.wacz_version).toBe('1.1.1');
    expect(wacz.datapackage.resources.map((r) => r.path).sort()).toEqual(['archive/data.warc.gz', 'indexes/index.cdxj', 'pages/pages.jsonl']);
    for (const resource of wacz.datapackage.resources) {
      const entry = wacz.entries.get(resource.path)!;
      expect(sha256(entry.data), resource.path).toBe(resource.hash);
      expect(entry.data.length).toBe(resource.bytes);
    }
    expect(wacz.digest).toEqual({ path: 'datapackage.json', hash: sha256(wacz.entries.get('datapackage.json')!.data) });
    // Stored, not deflated: a replay reads the WARC's gzip members in place.
    for (const [name, entry] of wacz.entries) expect(entry.stored, name).toBe(true);

    const [header, ...pages] = wacz.pages;
    expect(header!.format).toBe('json-pages-1.0');
    expect(pages.map((p) => p.url)).toEqual([site.url('/web-copy')]);
    expect(pages[0]!.title).toBe('Webbkopian');
    for (const page of pages) expect(wacz.index.map((line) => line.url), page.url).toContain(page.url);
    // Every index line points at a whole gzip member that holds the record it names.
    const warc = wacz.entries.get('archive/data.warc.gz')!.data;
    for (const line of wacz.index) {
      const member = execFileSync('gzip', ['-dc'], { input: warc.subarray(line.offset, line.offset + line.length) }).toString('latin1');
      expect(member).toContain(`WARC-Target-URI: ${line.url}`);
    }
    expect(wacz.index.map((l) => `${l.key} ${l.ts}`)).toEqual(wacz.index.map((l) => `${l.key} ${l.ts}`).sort());
  });

  it('is part of the record: in the bag\'s manifest, in metadata.json and named on the cover', () => {
    const manifest = readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toMatch(/^[0-9a-f]{64} {2}data\/page\.wacz$/m);
    const metadata = snapshotMetadataSchema.parse(JSON.parse(readFileSync(path.join(bag, 'data', 'metadata.json'), 'utf8')));
    expect(metadata.files.find((f) => f.path === 'data/page.wacz')?.role).toBe('web_copy');
    const responses = wacz.records.filter((r) => r.type === 'response' && r.truncated === null).length;
    expect(metadata.capture.webCopy?.responses).toBe(responses);
    expect(metadata.capture.profileVersion).toBe('1.2');
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '2', path.join(bag, 'data', 'record.pdf'), '-']).toString().replace(/\s+/g, ' ');
    expect(cover).toContain(`Webbkopia data/page.wacz: ${responses} svar från webbplatsen med innehåll`);
  });
});
