import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotMetadataSchema, type SnapshotMetadata } from '../../src/shared/snapshot';
import { FEED_PAGES, startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import {
  LAZY_COLOURS, LAZY_SPACING_PX, TALL_BLOCK_PX, TALL_HEADER_COLOUR, TALL_HEADER_PX, VIRTUAL_POSTS, blockColour,
} from '../fixtures/site/pages';
import { runCli, type CliRun } from '../helpers/cli';
import { pdfaViolations } from '../helpers/pdfa';
import { stitched } from '../helpers/record';

const TALL_PX = 120_000;

interface Expectation {
  id: string;
  path: string | ((site: FixtureSite) => string);
  platform: string;
  status: 'ok' | 'failed';
  code?: string;
}

/** Sixteen channels: every quirk the capture must handle, and every way a channel can fail. */
const CHANNELS: Expectation[] = [
  { id: 'plain', path: '/plain', platform: 'web', status: 'ok' },
  { id: 'consent', path: '/consent', platform: 'web', status: 'ok' },
  { id: 'lazy', path: '/lazy', platform: 'instagram', status: 'ok' },
  { id: 'infinite', path: '/infinite', platform: 'web', status: 'ok' },
  { id: 'virtual', path: '/virtual', platform: 'x', status: 'ok' },
  { id: 'never-idle', path: '/never-idle', platform: 'youtube', status: 'ok' },
  { id: 'tall', path: `/tall?h=${TALL_PX}`, platform: 'web', status: 'ok' },
  { id: 'seemore', path: '/seemore', platform: 'facebook', status: 'ok' },
  { id: 'flaky', path: '/flaky', platform: 'tiktok', status: 'ok' },
  { id: 'logged-out', path: '/facebook/logged-out', platform: 'facebook', status: 'failed', code: 'login_required' },
  { id: 'missing', path: '/missing', platform: 'web', status: 'failed', code: 'http_error' },
  { id: 'blank', path: '/blank', platform: 'web', status: 'failed', code: 'blank_page' },
  { id: 'hang', path: '/hang', platform: 'web', status: 'failed', code: 'timeout' },
  { id: 'refused', path: (s) => s.closedPortUrl, platform: 'web', status: 'failed', code: 'connection_failed' },
  { id: 'no-dns', path: () => 'http://kanalarkiv-fixture.invalid/', platform: 'web', status: 'failed', code: 'dns_failed' },
  { id: 'to-file', path: '/redirect-file', platform: 'web', status: 'failed', code: 'invalid_url' },
];

let site: FixtureSite;
let work: string;
let archive: string;
let run: CliRun;
let results: Array<{ channel: string; status: string; record: string | null; error: { code: string; message: string } | null }>;
const metadataOf = (id: string): SnapshotMetadata => {
  const record = results.find((r) => r.channel === id)!.record!;
  return snapshotMetadataSchema.parse(JSON.parse(readFileSync(path.join(record, 'data', 'metadata.json'), 'utf8')));
};
const textOf = (id: string) => readFileSync(path.join(results.find((r) => r.channel === id)!.record!, 'data', 'page.txt'), 'utf8');

beforeAll(async () => {
  site = await startFixtureSite();
  work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-e2e-'));
  archive = path.join(work, 'arkiv');
  const channels = CHANNELS.map((c) => ({
    id: c.id,
    name: `Kanal ${c.id}`,
    platform: c.platform,
    url: typeof c.path === 'string' ? site.url(c.path) : c.path(site),
    unit: 'Kommunikationsenheten',
    owners: ['Anna Berg', 'Olof Lind'],
  }));
  writeFileSync(path.join(work, 'kanaler.json'), JSON.stringify(channels, null, 2));
  run = await runCli(
    ['capture', '--channels', path.join(work, 'kanaler.json'), '--archive', archive, '--json', '--timeout', '60', '--concurrency', '2', '--reason', 'Testuttag'],
    { KANALARKIV_HOME: path.join(work, 'home') },
  );
  results = JSON.parse(run.stdout).results;
}, 600_000);

afterAll(async () => {
  await site?.close();
});

describe('kanalarkiv capture on the fixture channels', () => {
  it('prints exactly one JSON object on stdout and progress on stderr, and exits 2 because some failed', () => {
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/\[plain\] Scrolling through the page/);
    expect(run.code, run.stderr).toBe(2);
    expect(results.map((r) => r.channel)).toEqual(CHANNELS.map((c) => c.id));
  });

  it.each(CHANNELS)('$id: $status $code', (expected) => {
    const result = results.find((r) => r.channel === expected.id)!;
    expect(result.status, JSON.stringify(result.error)).toBe(expected.status);
    if (expected.status === 'ok') {
      expect(result.error).toBeNull();
      expect(path.relative(archive, result.record!)).toMatch(new RegExp(`^${expected.id}/[^/]+$`));
    } else {
      expect(result.record).toBeNull();
      expect(result.error!.code).toBe(expected.code);
      expect(result.error!.message.length).toBeGreaterThan(20);
    }
  });

  it('archives failed channels nowhere and leaves no unfinished bags', () => {
    const failedIds = CHANNELS.filter((c) => c.status === 'failed').map((c) => c.id);
    for (const id of failedIds) expect(existsSync(path.join(archive, id))).toBe(false);
    const incomplete = path.join(archive, '.incomplete');
    expect(existsSync(incomplete) ? readdirSync(incomplete) : []).toEqual([]);
  });

  it('writes every snapshot as a valid BagIt bag whose manifests match the files', () => {
    for (const result of results.filter((r) => r.status === 'ok')) {
      const bag = result.record!;
      expect(readFileSync(path.join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
      const manifest = readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8').trim().split('\n').map((l) => l.split(/\s+/));
      const files = manifest.map(([, file]) => file);
      expect(files).toEqual(expect.arrayContaining(['data/record.pdf', 'data/metadata.json', 'data/page.mhtml', 'data/page.txt', 'data/screenshot-001.png']));
      let bytes = 0;
      for (const [sum, file] of manifest) {
        const content = readFileSync(path.join(bag, file!));
        bytes += content.length;
        expect(createHash('sha256').update(content).digest('hex'), file).toBe(sum);
      }
      const info = readFileSync(path.join(bag, 'bag-info.txt'), 'utf8');
      expect(info).toContain(`Payload-Oxum: ${bytes}.${files.length}`);
      expect(info).toMatch(/^Source-Organization: .+$/m);
      expect(info).toMatch(/^External-Identifier: [0-9a-f-]{36}$/m);
      expect(info).toMatch(/^Bagging-Date: \d{4}-\d{2}-\d{2}$/m);
      for (const line of readFileSync(path.join(bag, 'tagmanifest-sha256.txt'), 'utf8').trim().split('\n')) {
        const [sum, file] = line.split(/\s+/);
        expect(createHash('sha256').update(readFileSync(path.join(bag, file!))).digest('hex')).toBe(sum);
      }
    }
  });

  it('writes metadata.json with the capture facts and the payload checksums', () => {
    const meta = metadataOf('plain');
    expect(meta.channel).toMatchObject({ id: 'plain', platform: 'web', unit: 'Kommunikationsenheten', url: site.url('/plain') });
    expect(meta.reason).toBe('Testuttag');
    expect(meta.capture.httpStatus).toBe(200);
    expect(meta.capture.finalUrl).toBe(site.url('/plain'));
    expect(meta.capture.viewport).toEqual({ width: 1280, height: 1024 });
    expect(meta.capture.browser.version).toMatch(/^\d+\.\d+/);
    expect(meta.capture.profileVersion).toBe('1.2');
    expect(Date.parse(meta.capture.finishedAt)).toBeGreaterThan(Date.parse(meta.capture.startedAt));
    const record = results.find((r) => r.channel === 'plain')!.record!;
    for (const file of meta.files) {
      expect(createHash('sha256').update(readFileSync(path.join(record, file.path))).digest('hex')).toBe(file.sha256);
    }
    // Its life until it was bagged, as PREMIS events: a whole capture is a success, a partial one a warning.
    expect(meta.events.map((e) => [e.type, e.outcome])).toEqual([['capture', 'success'], ['creation', 'success'], ['message digest calculation', 'success']]);
    expect(meta.events[0]!.at).toBe(meta.capture.startedAt);
    expect(meta.events[0]!.agent).toMatch(/^Kanalarkiv \d+\.\d+\.\d+$/);
    expect(metadataOf('virtual').events[0]).toMatchObject({ type: 'capture', outcome: 'warning', detail: expect.stringContaining('Ofullständig') });
  });

  it('makes every record PDF/A-2u with the page text findable by pdftotext', () => {
    for (const result of results.filter((r) => r.status === 'ok')) {
      const pdf = path.join(result.record!, 'data', 'record.pdf');
      expect(pdfaViolations(pdf), result.channel).toEqual([]);
      const text = execFileSync('pdftotext', [pdf, '-']).toString();
      expect(text).toContain('Ögonblicksbild');
      const firstLine = textOf(result.channel).split('\n').find((l) => /\w{4}/.test(l))!;
      expect(text.replace(/\s+/g, ' '), result.channel).toContain(firstLine.replace(/[^\p{L}\p{N}\s.:!–-]/gu, '').trim().replace(/\s+/g, ' '));
    }
  });

  it('keeps Swedish text and emoji in page.txt and the text layer', () => {
    expect(textOf('plain')).toContain('sång, dans och älgar 🎉🌲');
    const pdf = path.join(results.find((r) => r.channel === 'plain')!.record!, 'data', 'record.pdf');
    expect(execFileSync('pdftotext', [pdf, '-']).toString()).toContain('Öppettider: måndag–fredag');
  });

  it('opts out of the cookie banner before capturing', () => {
    expect(metadataOf('consent').capture.consent).toEqual({ cmp: 'Onetrust', optedOut: true });
    expect(textOf('consent')).toContain('Samtycke: avvisat');
    expect(textOf('consent')).not.toContain('Vi använder kakor');
  });

  it('loads lazy images, native and IntersectionObserver-driven, before they are captured', async () => {
    const meta = metadataOf('lazy');
    const image = await stitched(results.find((r) => r.channel === 'lazy')!.record!, meta);
    LAZY_COLOURS.forEach((colour, i) => {
      const top = (i + 1) * LAZY_SPACING_PX;
      const found = image.columnHas(240, top, top + 420, colour);
      expect(found, `image ${i + 1}`).toBe(true);
    });
  });

  it('follows an infinite feed to its end', () => {
    const text = textOf('infinite');
    for (let n = 1; n <= FEED_PAGES * 10; n++) expect(text).toContain(`Inlägg ${n}\n`);
    expect(text).toContain('Slut på flödet');
    expect(metadataOf('infinite').capture.posts).toBe(FEED_PAGES * 10);
  });

  it('keeps every post of a virtualised feed, once, and the sticky header only once', async () => {
    const text = textOf('virtual');
    for (let n = 1; n <= VIRTUAL_POSTS; n++) expect(text.match(new RegExp(`^Post ${n}$`, 'gm')), `Post ${n}`).toHaveLength(1);
    expect(text.match(/Virtuellt flöde/g)).toHaveLength(1);
    const meta = metadataOf('virtual');
    expect(meta.capture.posts).toBe(VIRTUAL_POSTS);
    const image = await stitched(results.find((r) => r.channel === 'virtual')!.record!, meta);
    const headerRows = image.rowsWithColour(5, [0x12, 0x34, 0x56]);
    expect(headerRows.length).toBeGreaterThan(40);
    expect(Math.max(...headerRows)).toBeLessThan(60);
  });

  it('says in metadata.json and on the cover how many of a virtualised feed\'s posts the MHTML copy holds', () => {
    const meta = metadataOf('virtual');
    const record = results.find((r) => r.channel === 'virtual')!.record!;
    // The copy is quoted-printable: soft line breaks (=CRLF) may fall inside a sentence.
    const mhtml = readFileSync(path.join(record, 'data', 'page.mhtml'), 'utf8').replace(/=\r?\n/g, '');
    const inCopy = mhtml.match(/Kommunen informerar, meddelande nummer/g)!.length;
    expect(inCopy).toBeLessThan(VIRTUAL_POSTS / 4);
    expect(meta.capture.mhtmlPosts).toBe(inCopy);
    const at = meta.capture.warningCodes.findIndex((w) => w.code === 'mhtml_partial');
    expect(meta.capture.warningCodes[at]).toEqual({ code: 'mhtml_partial', values: { inCopy, posts: VIRTUAL_POSTS } });
    expect(meta.capture.warnings[at]).toContain(`MHTML-kopian innehåller ${inCopy} av de ${VIRTUAL_POSTS} inläggen`);
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '2', path.join(record, 'data', 'record.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(cover).toContain(`Inlägg i MHTML-kopian ${inCopy} av ${VIRTUAL_POSTS}: webbplatsen tar bort inlägg ur sidan medan den rullas.`);
    expect(metadataOf('infinite').capture.mhtmlPosts).toBe(FEED_PAGES * 10);
    expect(metadataOf('infinite').capture.warningCodes).toEqual([]);
  });

  it('captures a page that never becomes network-idle', () => {
    expect(textOf('never-idle')).toContain('Sidan blir aldrig stilla');
  });

  it('expands "Visa mer" and "Visa fler kommentarer"', () => {
    const text = textOf('seemore');
    for (const n of [1, 2, 3]) expect(text).toContain(`detta är den dolda texten nummer ${n}.`);
    expect(text.match(/Kommentar från Anna/g)).toHaveLength(3);
    expect(metadataOf('seemore').capture.expanded).toBe(6);
  });

  it('retries once after a dropped connection', () => {
    expect(site.hits.get('/flaky')).toBe(2);
  });

  it(`captures a ${TALL_PX.toLocaleString('en')} px page with no blank or repeated region, split over PDF pages`, async () => {
    const meta = metadataOf('tall');
    expect(meta.capture.pageHeight).toBe(TALL_PX + TALL_HEADER_PX);
    expect(meta.pages.length).toBe(Math.ceil((TALL_PX + TALL_HEADER_PX) / 19_200));
    const image = await stitched(results.find((r) => r.channel === 'tall')!.record!, meta);
    expect(image.pixel(1200, TALL_HEADER_PX / 2)).toEqual(TALL_HEADER_COLOUR);
    const wrong: number[] = [];
    for (let i = 0; i < TALL_PX / TALL_BLOCK_PX; i++) {
      for (const offset of [3, 50, 96]) {
        const actual = image.pixel(1200, TALL_HEADER_PX + i * TALL_BLOCK_PX + offset);
        if (actual.some((c, k) => Math.abs(c - blockColour(i)[k]!) > 2)) wrong.push(i);
      }
    }
    expect(wrong).toEqual([]);
    const text = textOf('tall');
    expect(text.match(/^Block \d{5}$/gm)).toHaveLength(TALL_PX / TALL_BLOCK_PX);
    expect(text.match(/Fast sidhuvud/g)).toHaveLength(1);
  });

  it('lets verify pass on the archive it wrote', async () => {
    const verify = await runCli(['verify', '--archive', archive, '--json']);
    expect(verify.code, verify.stdout).toBe(0);
    const report = JSON.parse(verify.stdout);
    expect(report.bags).toHaveLength(CHANNELS.filter((c) => c.status === 'ok').length);
    expect(report.bags.every((b: { ok: boolean }) => b.ok)).toBe(true);
  });
});
