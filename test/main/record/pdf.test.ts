import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildRecordPdf } from '../../../src/main/record/pdf';
import { SNAPSHOT_SCHEMA, type SnapshotMetadata } from '../../../src/shared/snapshot';
import { pdfaViolations } from '../../helpers/pdfa';

async function piece(dir: string, file: string, height: number, colour: string) {
  await sharp({ create: { width: 1280, height, channels: 3, background: colour } }).png().toFile(path.join(dir, file));
}

function metadata(pages: SnapshotMetadata['pages'], warnings: string[]): SnapshotMetadata {
  return {
    schema: SNAPSHOT_SCHEMA,
    snapshotId: '5d7c1f8e-1111-4000-8000-000000000000',
    kind: 'snapshot',
    organisation: 'Umeå kommun',
    comment: null,
    channel: { id: 'kultur', name: 'Kultur Umeå 🎭', platform: 'facebook', url: 'https://www.facebook.com/kulturumea', unit: 'Kulturförvaltningen', owners: ['Anna Berg', 'Olof Lind'], pageOwner: 'Sara Ek' },
    reason: 'Regelbunden ögonblicksbild',
    round: '2026 april',
    timestampAuthority: null,
    capture: {
      requestedUrl: 'https://www.facebook.com/kulturumea', finalUrl: 'https://www.facebook.com/kulturumea', httpStatus: 200, title: 'Kultur Umeå',
      startedAt: '2026-04-14T08:30:00.000Z', finishedAt: '2026-04-14T08:31:10.500Z',
      browser: { name: 'Microsoft Edge', version: '141.0.1', userAgent: null }, viewport: { width: 1280, height: 1024 }, profileVersion: '1.0', profile: {},
      tool: { name: 'Kanalarkiv', version: '0.1.0' }, os: { platform: 'win32', release: '10.0.26100', arch: 'x64', name: 'Windows 11 Pro (build 26100)' },
      pageHeight: pages.reduce((s, p) => s + p.height, 0), bottomStrip: null, posts: 3, mhtmlPosts: 3, webCopy: { responses: 12, withoutBody: 1, bytes: 2_400_000 }, loggedIn: true, expanded: 0, consent: { cmp: null, optedOut: null }, cut: null, warnings, warningCodes: [],
      coverage: { since: '2025-09-14T08:00:00.000Z', oldestPost: '2025-09-02T10:00:00.000Z', newestPost: '2026-04-13T10:00:00.000Z', complete: true },
    },
    pages,
    files: [{ path: 'data/screenshot-001.png', sha256: 'a'.repeat(64), bytes: 1, mediaType: 'image/png', role: 'screenshot' }],
    events: [],
  };
}

describe('buildRecordPdf', () => {
  // A4 (595.28 × 841.89 pt) with 28 pt margins and a 20 pt header band: a 1280 px capture is drawn
  // 539.28 pt wide, so 0.4213 pt per px, and a page holds 1884 rows of it.
  const SCALE = (595.28 - 56) / 1280;
  const ROWS = Math.floor((841.89 - 56 - 20) / SCALE);

  it('cuts the picture into A4 pages, each with its header, the text layer where the picture shows each word', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'record-'));
    await piece(dir, 'screenshot-001.png', 19_200, '#ffffff');
    await piece(dir, 'screenshot-002.png', 800, '#eeeeee');
    const meta = metadata([{ file: 'screenshot-001.png', top: 0, width: 1280, height: 19_200 }, { file: 'screenshot-002.png', top: 19_200, width: 1280, height: 800 }], []);
    const words = [
      { text: 'Första', x: 100, y: 40, width: 60, height: 20 },
      { text: 'Sista', x: 200, y: 19_600, width: 50, height: 20 },
      { text: '🎉', x: 300, y: 19_600, width: 20, height: 20 },
    ];
    const file = path.join(dir, 'record.pdf');
    writeFileSync(file, await buildRecordPdf({ metadata: meta, dir, words }));

    expect(pdfaViolations(file)).toEqual([]);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', file]).toString();
    const pages = Number(info.match(/Pages:\s+(\d+)/)![1]);
    const content = Math.ceil(20_000 / ROWS);
    expect(pages).toBe(1 + content);
    // Every page, cover and content, is A4.
    expect([...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => `${m[1]} x ${m[2]}`)).toEqual(Array(pages).fill('595.28 x 841.89'));
    const text = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-']).toString();
    // The header: channel (the font has no 🎭), time in Swedish, and the page of the whole record.
    expect(text(2)).toMatch(new RegExp(`Kultur Umeå\\s+· 14 april 2026 kl\\. 10:30 · sida 2 av ${pages}`));
    expect(text(2)).toContain('Första');
    expect(text(pages)).toContain(`sida ${pages} av ${pages}`);

    // "Sista" is on the page that holds row 19,600.
    const holding = 2 + Math.floor(19_600 / ROWS);
    const last = execFileSync('pdftotext', ['-bbox', '-f', String(holding), '-l', String(holding), file, '-']).toString();
    const box = last.match(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">Sista<\/word>/);
    expect(box).not.toBeNull();
    // x: the margin plus 200 px; y: the margin and header plus the rows above it on its page.
    expect(Number(box![1])).toBeCloseTo(28 + 200 * SCALE, 0);
    expect(Math.abs(Number(box![2]) - (48 + (19_600 - (holding - 2) * ROWS) * SCALE))).toBeLessThan(3);
    expect(last).not.toContain('Första');

    // Each piece's pixels are in the file once, however many pages show them.
    const images = execFileSync('pdfimages', ['-list', file]).toString().trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThan(content);
    expect(new Set(images.map((line) => line.trim().split(/\s+/)[10])).size).toBe(2);
  });

  it('moves a cut up to the gap above a line of text, so no line is split between two sheets', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'record-'));
    await piece(dir, 'screenshot-001.png', 4_000, '#ffffff');
    const meta = metadata([{ file: 'screenshot-001.png', top: 0, width: 1280, height: 4_000 }], []);
    // A line of two words right across the first page's natural end.
    const words = [
      { text: 'Delad', x: 100, y: ROWS - 10, width: 60, height: 24 },
      { text: 'rad', x: 170, y: ROWS - 8, width: 40, height: 24 },
    ];
    const file = path.join(dir, 'record.pdf');
    writeFileSync(file, await buildRecordPdf({ metadata: meta, dir, words }));
    const page = (n: number) => execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), file, '-']).toString();
    expect(page(2)).not.toContain('Delad');
    const box = page(3).match(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">Delad<\/word>/);
    expect(box).not.toBeNull();
    // The second page starts at the line: the word stands at its top, below the header.
    expect(Number(box![1])).toBeLessThan(52);
  });

  it('writes a Swedish cover that flows onto a second page when there is much to say', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'record-'));
    await piece(dir, 'screenshot-001.png', 500, '#ffffff');
    const warnings = Array.from({ length: 40 }, (_, i) => `Varning ${i + 1}: en bild i flödet kunde inte laddas.`);
    const file = path.join(dir, 'record.pdf');
    writeFileSync(file, await buildRecordPdf({ metadata: metadata([{ file: 'screenshot-001.png', top: 0, width: 1280, height: 500 }], warnings), dir, words: [] }));
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '2', file, '-']).toString();
    expect(cover).toContain('Ögonblicksbild Facebook Kultur Umeå');
    expect(cover).toContain('14 april 2026 kl. 10:30:00 CEST');
    expect(cover).toContain('Kulturförvaltningen');
    expect(cover).toMatch(/Omgång\s+2026 april/);
    expect(cover.replace(/\s+/g, ' ')).toContain('Inlägg från 2 september 2025 till 13 april 2026; hela perioden sedan förra ögonblicksbilden (14 september 2025) kom med');
    expect(cover).toContain('Varning 40');
    expect(cover).toContain('a'.repeat(64));
    expect(pdfaViolations(file)).toEqual([]);
  });

  it('names the organisation, the page owner and the operating system in plain words on the cover', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'record-'));
    await piece(dir, 'screenshot-001.png', 500, '#ffffff');
    const file = path.join(dir, 'record.pdf');
    writeFileSync(file, await buildRecordPdf({ metadata: metadata([{ file: 'screenshot-001.png', top: 0, width: 1280, height: 500 }], []), dir, words: [] }));
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-']).toString().replace(/\s+/g, ' ');
    expect(cover).toContain('Organisation Umeå kommun');
    expect(cover).toContain('Sidansvarig Sara Ek');
    expect(cover).toContain('Operativsystem Windows 11 Pro (build 26100), x64');
    expect(cover).not.toContain('win32');
    // Without a time-stamping authority, the record says that its time is the computer's own.
    expect(cover).toContain('Betrodd tidsstämpel Ingen betrodd tidsstämpel: tidpunkten är datorns egen.');
    // The web copy: what it holds, and the responses it holds without their content.
    expect(cover).toContain('Webbkopia data/page.wacz: 12 svar från webbplatsen med innehåll (2,3 MB), kan spelas upp i Kanalarkiv eller ReplayWeb.page; 1 svar utan innehåll');
  });

  it('says on the cover of a record made before web copies that it has none', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'record-'));
    await piece(dir, 'screenshot-001.png', 500, '#ffffff');
    const file = path.join(dir, 'record.pdf');
    const before = metadata([{ file: 'screenshot-001.png', top: 0, width: 1280, height: 500 }], []);
    writeFileSync(file, await buildRecordPdf({ metadata: { ...before, capture: { ...before.capture, webCopy: null } }, dir, words: [] }));
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '2', file, '-']).toString().replace(/\s+/g, ' ');
    expect(cover).toContain('Webbkopia Ingen: gjord innan Kanalarkiv sparade webbkopior');
  });

  it('never sets a regular reason beside "no round" unqualified', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'record-'));
    await piece(dir, 'screenshot-001.png', 500, '#ffffff');
    const file = path.join(dir, 'record.pdf');
    const outside = { ...metadata([{ file: 'screenshot-001.png', top: 0, width: 1280, height: 500 }], []), round: null };
    writeFileSync(file, await buildRecordPdf({ metadata: outside, dir, words: [] }));
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-']).toString().replace(/\s+/g, ' ');
    expect(cover).toContain('Anledning Regelbunden ögonblicksbild (ingen omgång pågick, så den räknas som extra)');
    expect(cover).toContain('Omgång Ingen: tagen utanför omgångarnas perioder, som en extra ögonblicksbild');
  });

  /** Words a municipality's visitors write, one script each: each must come out of the text layer whole. */
  const SCRIPTS: Array<[string, string]> = [
    ['Japanese', 'ウメオ市へようこそ'], ['Chinese', '欢迎来到于默奥市'], ['Arabic', 'مرحبا'], ['Persian', 'پژوهش'], ['Pashto', 'ښاروالۍ'],
    ['Tigrinya', 'እንቋዕ'], ['Amharic', 'እንኳን'], ['Thai', 'ยินดีต้อนรับ'], ['Hindi', 'स्वागत'], ['Russian', 'Добро'], ['Ukrainian', 'Ласкаво'],
    ['Greek', 'Καλώς'], ['Hebrew', 'ברוכים'], ['Somali', 'soo dhawoow'], ['Northern Sami', 'Buorre'], ['Georgian', 'მოგესალმებით'], ['Armenian', 'Բարի'],
  ];

  it('keeps every script in the text layer, with a font that has it embedded only where a record needs it, and stays PDF/A', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'record-'));
    await piece(dir, 'screenshot-001.png', 2_000, '#ffffff');
    const meta = metadata([{ file: 'screenshot-001.png', top: 0, width: 1280, height: 2_000 }], []);
    const words = SCRIPTS.flatMap(([, text], i) => text.split(' ').map((w, j) => ({ text: w, x: 100 + j * 200, y: 40 + i * 60, width: 180, height: 24 })));
    const file = path.join(dir, 'record.pdf');
    writeFileSync(file, await buildRecordPdf({ metadata: meta, dir, words }));
    expect(pdfaViolations(file)).toEqual([]);
    // pdftotext marks right-to-left runs with directional embeddings; the words themselves must be as written.
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-']).toString().replace(/[\u202A-\u202E]/g, '');
    for (const [script, words] of SCRIPTS) for (const word of words.split(' ')) expect(text, script).toContain(word);
    expect(text).toContain('ښاروالۍ');
    // A record in Swedish only carries DejaVu alone.
    const plain = path.join(dir, 'plain.pdf');
    writeFileSync(plain, await buildRecordPdf({ metadata: meta, dir, words: [{ text: 'Välkommen', x: 100, y: 40, width: 120, height: 24 }] }));
    expect(execFileSync('pdffonts', [plain]).toString()).not.toMatch(/Droid|Noto/);
    expect(execFileSync('pdffonts', [file]).toString()).toMatch(/DroidSansFallback/);
  });
});
