import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotMetadataSchema, type SnapshotMetadata } from '../../src/shared/snapshot';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import {
  ANCHOR, COLUMN, EMBED, FIXED_BAR, READING_ORDER, SCRIPT_BLOCKS, SHADOW_POSTS, SHELL, anchorColour, columnColour, sentinel, shellColour,
} from '../fixtures/site/structures';
import { runCli } from '../helpers/cli';
import { stitched } from '../helpers/record';

/**
 * Pages built the way live sites are built (test/fixtures/site/structures.ts), captured through the
 * CLI and read back from the record: its stitched images, page.txt, metadata.json and the cover.
 */
const CHANNELS = [
  { id: 'app-shell', platform: 'web' },
  { id: 'clipped', platform: 'web' },
  { id: 'sticky-column', platform: 'facebook' },
  { id: 'anchoring', platform: 'web' },
  { id: 'embeds', platform: 'web' },
  { id: 'shadow', platform: 'youtube' },
  { id: 'form', platform: 'web' },
  { id: 'fixed-bar', platform: 'web' },
  { id: 'scripts', platform: 'web' },
  { id: 'reading-order', platform: 'web' },
];

let site: FixtureSite;
let results: Array<{ channel: string; status: string; record: string | null; error: { code: string; message: string } | null; warnings: Array<{ code: string; text: string }> }>;
let stderr: string;
const recordOf = (id: string) => {
  const result = results.find((r) => r.channel === id)!;
  expect(result.status, `${id}: ${JSON.stringify(result.error)}`).toBe('ok');
  return result.record!;
};
const metadataOf = (id: string): SnapshotMetadata => snapshotMetadataSchema.parse(JSON.parse(readFileSync(path.join(recordOf(id), 'data', 'metadata.json'), 'utf8')));
const textOf = (id: string) => readFileSync(path.join(recordOf(id), 'data', 'page.txt'), 'utf8');
const coverOf = (id: string) => execFileSync('pdftotext', ['-f', '1', '-l', '2', path.join(recordOf(id), 'data', 'record.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const imageOf = (id: string) => stitched(recordOf(id), metadataOf(id));
const times = (text: string, phrase: string) => text.split(phrase).length - 1;
/** Runs of consecutive rows: [first row, length]. */
const runs = (rows: number[]) => rows.reduce<Array<[number, number]>>((all, row) => {
  const last = all.at(-1);
  if (last && row === last[0] + last[1]) last[1] += 1;
  else all.push([row, 1]);
  return all;
}, []);

beforeAll(async () => {
  site = await startFixtureSite();
  const work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-structures-'));
  const channels = CHANNELS.map((c) => ({ id: c.id, name: `Kanal ${c.id}`, platform: c.platform, url: site.url(`/structure/${c.id}`), unit: 'Kommunikationsenheten', owners: ['Anna Berg', 'Olof Lind'] }));
  writeFileSync(path.join(work, 'kanaler.json'), JSON.stringify(channels));
  const run = await runCli(['capture', '--channels', path.join(work, 'kanaler.json'), '--archive', path.join(work, 'arkiv'), '--json', '--timeout', '60', '--concurrency', '2'], { KANALARKIV_HOME: path.join(work, 'home') });
  stderr = run.stderr;
  results = JSON.parse(run.stdout).results;
}, 600_000);
afterAll(() => site?.close());

describe('page structures of real sites', () => {
  it('captures every channel', () => {
    expect(results.map((r) => [r.channel, r.status, r.error?.code ?? null]), stderr).toEqual(CHANNELS.map((c) => [c.id, 'ok', null]));
  });

  it('an app shell: scrolls the element that scrolls, with its lazy images and its infinite timeline', async () => {
    const total = SHELL.pages * SHELL.perPage;
    const text = textOf('app-shell');
    for (let n = 1; n <= total; n++) expect(times(text, `Toot ${n} `), `Toot ${n}`).toBe(1);
    expect(text).toContain('Slut på tidslinjen');
    expect(times(text, 'Navigering')).toBe(1);
    const meta = metadataOf('app-shell');
    expect(meta.capture.pageHeight).toBeGreaterThanOrEqual(SHELL.header + total * SHELL.post);
    expect(meta.capture.posts).toBe(total);
    const image = await imageOf('app-shell');
    for (let i = 0; i < total; i++) {
      const top = SHELL.header + i * SHELL.post;
      expect(image.columnHas(SHELL.nav + 124, top, top + SHELL.post, shellColour(i)), `image of Toot ${i + 1}`).toBe(true);
    }
    expect(meta.capture.warnings).toEqual([]);
  });

  it('a page whose content cannot be scrolled to says so, in metadata.json and on the cover', () => {
    const { warnings, warningCodes } = metadataOf('clipped').capture;
    expect(warningCodes.map((w) => w.code)).toEqual(['not_scrollable']);
    expect(warnings[0]).toMatch(/^Sidan går inte att rulla/);
    expect(coverOf('clipped')).toContain(warnings[0]!.slice(0, 60));
    expect(results.find((r) => r.channel === 'clipped')!.warnings).toEqual([{ code: 'not_scrollable', values: {}, text: warnings[0] }]);
  });

  it('a tall sticky side column: every part once, where it first scrolls into view', async () => {
    const image = await imageOf('sticky-column');
    let top = COLUMN.header;
    COLUMN.blocks.forEach(([label, height], i) => {
      const found = runs(image.rowsWithColour(COLUMN.x, columnColour(i)));
      expect(found, label).toHaveLength(1);
      expect(Math.abs(found[0]![0] - top), `${label} starts at ${found[0]![0]}, not ${top}`).toBeLessThanOrEqual(1);
      expect(Math.abs(found[0]![1] - height), `${label} is ${found[0]![1]} rows`).toBeLessThanOrEqual(1);
      top += height;
    });
    const text = textOf('sticky-column');
    for (const [label] of COLUMN.blocks) expect(times(text, label), label).toBe(1);
    expect(times(text, 'facebook')).toBe(1);
    expect(text).toContain(`Inlägg ${COLUMN.posts} i flödet`);
  });

  it('content inserted above the reader: no row stitched twice, no failure, and a warning', async () => {
    const text = textOf('anchoring');
    for (let n = 1; n <= ANCHOR.posts; n++) expect(times(text, `Rad ${n}\n`), `Rad ${n}`).toBe(1);
    const image = await imageOf('anchoring');
    for (let i = 0; i < ANCHOR.posts; i++) {
      const rows = image.rowsWithColour(1200, anchorColour(i));
      expect(runs(rows), `Rad ${i + 1}`).toHaveLength(1);
      expect(Math.abs(rows.length - ANCHOR.post), `Rad ${i + 1}: ${rows.length} rows`).toBeLessThanOrEqual(1);
    }
    const { warnings, warningCodes } = metadataOf('anchoring').capture;
    expect(warningCodes).toEqual([{ code: 'content_inserted', values: { px: ANCHOR.inserted + ANCHOR.grown } }]);
    expect(warnings[0]).toContain(`lade den till ${(ANCHOR.inserted + ANCHOR.grown).toLocaleString('sv-SE')} px innehåll ovanför`);
  });

  it('iframes: none blocks the capture, cross-site ones are in the picture, same-site text is in the text, one that never loads is named', async () => {
    const meta = metadataOf('embeds');
    expect(Date.parse(meta.capture.finishedAt) - Date.parse(meta.capture.startedAt)).toBeLessThan(30_000);
    const image = await imageOf('embeds');
    expect(image.columnHas(300, EMBED.videoTop, EMBED.videoTop + 315, EMBED.videoColour), 'the cross-site video').toBe(true);
    expect(image.columnHas(300, EMBED.lateTop, EMBED.lateTop + 315, EMBED.lateColour), 'the frame loaded by script').toBe(true);
    const text = textOf('embeds');
    expect(text).toContain('Inbäddat inlägg: ekorrar i stadsparken');
    expect(text).toContain('Inläggets sista rad');
    const other = site.url('').replace('127.0.0.1', 'localhost');
    expect(meta.capture.warningCodes).toEqual([
      { code: 'frames_unloaded', values: { count: 1, urls: site.url('/hang') } },
      // The cross-site frames are in the picture, but their text cannot be read: the record says so.
      { code: 'frames_picture_only', values: { count: 2, urls: `${other}/structure/embed-video, ${other}/structure/embed-late` } },
    ]);
  });

  it('open shadow roots: their text, their expand buttons and their posts', () => {
    const text = textOf('shadow');
    for (let n = 1; n <= SHADOW_POSTS; n++) {
      expect(text, `post ${n}`).toContain(`Skuggtext ${n} från kanalen`);
      expect(text, `post ${n}`).toContain(`Ljus text ${n}\n`);
      expect(text, `post ${n}`).toContain(`Dold skuggtext ${n}\n`);
    }
    const meta = metadataOf('shadow');
    expect(meta.capture.posts).toBe(SHADOW_POSTS);
    expect(meta.capture.expanded).toBe(SHADOW_POSTS);
  });

  it('a page inside one form: its expand buttons are clicked, never a submit button or a link, and no click leaves the page', () => {
    const text = textOf('form');
    for (const n of [1, 2, 3]) expect(text).toContain(`Hela nyheten nummer ${n} om snöröjning.`);
    expect(text).toContain('Bygglov söks hos samhällsbyggnad.');
    expect(site.hits.get('/structure/form-submitted')).toBeUndefined();
    expect(site.hits.get('/structure/elsewhere')).toBeUndefined();
    const meta = metadataOf('form');
    expect(meta.capture.finalUrl).toBe(site.url('/structure/form'));
    expect(meta.capture.warningCodes).toContainEqual({ code: 'navigation_stopped', values: { url: site.url('/structure/elsewhere?from=script') } });
    expect(text).toContain('Sophämtning sker varannan vecka.');
    expect(text).not.toContain('Flik 2 visas');
    expect(meta.capture.warningCodes).toContainEqual({ code: 'address_changed', values: { url: site.url('/structure/form?flik=2') } });
    expect(coverOf('form')).toContain('Ett klick på sidan försökte lämna den');
  });

  it('a fixed bar over the content: what is under it is captured, and the bar is shown once, over nothing', async () => {
    const image = await imageOf('fixed-bar');
    const barTop = 1024 - FIXED_BAR.height;
    expect(image.columnHas(400, barTop, barTop + 90, FIXED_BAR.underColour), 'the block under the bar').toBe(true);
    for (let k = 0; k < FIXED_BAR.rows * 3; k++) expect(image.rowsWithColour(340 + (k % 3) * 300, sentinel(60 + k)).length, `photo ${k + 1}`).toBeGreaterThan(FIXED_BAR.row - 20);
    const bar = runs(image.rowsWithColour(10, FIXED_BAR.colour));
    expect(bar).toHaveLength(1);
    expect(Math.abs(bar[0]![1] - FIXED_BAR.height)).toBeLessThanOrEqual(1);
    expect(bar[0]![0] + bar[0]![1]).toBe(image.height);
    // The record says which rows are the page and which the strip added below it.
    const { bottomStrip, pageHeight } = metadataOf('fixed-bar').capture;
    expect(bottomStrip).toEqual({ top: bar[0]![0], height: bar[0]![1] });
    expect(bottomStrip!.top + bottomStrip!.height).toBe(pageHeight);
    expect(coverOf('fixed-bar')).toContain(`Av dem är de sista ${bottomStrip!.height} px fälten längst ned i fönstret, som visas en gång under sidan`);
    expect(metadataOf('shadow').capture.bottomStrip).toBeNull();
    const text = textOf('fixed-bar');
    expect(times(text, 'Under fältet')).toBe(1);
    expect(times(text, 'Registrera dig')).toBe(1);
  });

  it('keeps every script in page.txt and in the PDF\'s text layer, right-to-left text in the order it is read', () => {
    const text = textOf('scripts');
    const layer = execFileSync('pdftotext', [path.join(recordOf('scripts'), 'data', 'record.pdf'), '-'], { encoding: 'utf8' }).replace(/[\u202A-\u202E]/g, '');
    const oneLine = (s: string) => s.replace(/\s+/g, ' ');
    for (const [lang, block] of Object.entries(SCRIPT_BLOCKS)) {
      expect(oneLine(text), `page.txt, ${lang}`).toContain(block);
      // Every character of the block is in the text layer (a CJK sentence is one word, cut where the line breaks).
      for (const char of block.replace(/\s/g, '')) expect(layer, `text layer, ${lang}: ${char}`).toContain(char);
    }
    for (const word of SCRIPT_BLOCKS.ar.split(' ')) expect(oneLine(layer), `text layer, ar: ${word}`).toContain(word);
  });

  it('reads page.txt block by block as a reader does: no folded menu or screen-reader link, no column run into another, a wrapped sentence whole', () => {
    expect(textOf('reading-order')).toBe(`${READING_ORDER.join('\n')}\n`);
  });
});
