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
    capture: {
      requestedUrl: 'https://www.facebook.com/kulturumea', finalUrl: 'https://www.facebook.com/kulturumea', httpStatus: 200, title: 'Kultur Umeå',
      startedAt: '2026-04-14T08:30:00.000Z', finishedAt: '2026-04-14T08:31:10.500Z',
      browser: { name: 'Microsoft Edge', version: '141.0.1', userAgent: null }, viewport: { width: 1280, height: 1024 }, profileVersion: '1.0', profile: {},
      tool: { name: 'Kanalarkiv', version: '0.1.0' }, os: { platform: 'win32', release: '10.0.26100', arch: 'x64', name: 'Windows 11 Pro (build 26100)' },
      pageHeight: pages.reduce((s, p) => s + p.height, 0), posts: 3, mhtmlPosts: 3, loggedIn: true, expanded: 0, consent: { cmp: null, optedOut: null }, cut: null, warnings, warningCodes: [],
      coverage: { since: '2025-09-14T08:00:00.000Z', oldestPost: '2025-09-02T10:00:00.000Z', newestPost: '2026-04-13T10:00:00.000Z', complete: true },
    },
    pages,
    files: [{ path: 'data/screenshot-001.png', sha256: 'a'.repeat(64), bytes: 1, mediaType: 'image/png', role: 'screenshot' }],
  };
}

describe('buildRecordPdf', () => {
  it('puts each word of the text layer on the page of its screenshot piece, where the picture shows it', async () => {
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
    const pages = Number(execFileSync('pdfinfo', [file]).toString().match(/Pages:\s+(\d+)/)![1]);
    const last = execFileSync('pdftotext', ['-bbox', '-f', String(pages), '-l', String(pages), file, '-']).toString();
    const box = last.match(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">Sista<\/word>/);
    expect(box).not.toBeNull();
    // 0.75 pt per CSS px: x 200 px → 150 pt; y 400 px into the piece → 300 pt from its top.
    expect(Number(box![1])).toBeCloseTo(150, 0);
    expect(Math.abs(Number(box![2]) - 300)).toBeLessThan(4);
    expect(last).not.toContain('Första');
    expect(execFileSync('pdftotext', ['-f', String(pages - 1), '-l', String(pages - 1), file, '-']).toString()).toContain('Första');
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
});
