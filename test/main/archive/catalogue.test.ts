import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, searchArchive, snapshotPath, thumbnail } from '../../../src/main/archive/catalogue';
import { runCapture } from '../../../src/main/pipeline/run';
import type { Channel } from '../../../src/shared/channel';
import { startFixtureSite, type FixtureSite } from '../../fixtures/site/server';

let site: FixtureSite;
const archive = mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
beforeAll(async () => {
  site = await startFixtureSite();
  const channel = (id: string, p: string): Channel => ({ id, name: `Kanal ${id}`, platform: 'web', url: site.url(p), unit: 'Kultur', owners: ['A', 'B'], pageOwner: '', notes: '', active: true });
  for (const reason of ['Vårens ögonblicksbild', 'Höstens ögonblicksbild']) {
    await runCapture({ channels: [channel('plain', '/plain'), channel('seemore', '/seemore')], archiveDir: archive, reason, organisation: '', timeoutMs: 60_000, concurrency: 2, profilesRoot: null });
  }
});
afterAll(() => site?.close());

describe('the archive catalogue, read from the bags', () => {
  it('lists every snapshot, newest first, with what the archive browser shows', async () => {
    const { snapshots, unreadable } = await readCatalogue(archive);
    expect(unreadable).toEqual([]);
    expect(snapshots).toHaveLength(4);
    expect(snapshots.map((s) => s.takenAt)).toEqual([...snapshots.map((s) => s.takenAt)].sort().reverse());
    expect(snapshots[0]!.reason).toBe('Höstens ögonblicksbild');
    expect(snapshots.find((s) => s.channelId === 'plain')).toMatchObject({ channelName: 'Kanal plain', platform: 'web', unit: 'Kultur', pages: 1 });
  });

  it('searches the archived text, Swedish letters and case included', async () => {
    const hits = await searchArchive(archive, 'ÄLGAR');
    expect(hits).toHaveLength(2);
    const line = hits[0]!.lines[0]!;
    expect(line.text).toContain('sång, dans och älgar');
    // The word is marked where it stands in the line, as it was written.
    expect(line.marks.map(([from, to]) => line.text.slice(from, to))).toEqual(['älgar']);
    expect(await searchArchive(archive, 'finns inte någonstans')).toEqual([]);
  });

  it('finds a record that holds every word searched for, on whichever lines, and marks each', async () => {
    const hits = await searchArchive(archive, 'älgar dans');
    expect(hits).toHaveLength(2);
    const marked = hits[0]!.lines.flatMap((l) => l.marks.map(([from, to]) => l.text.slice(from, to).toLowerCase()));
    expect(marked).toEqual(expect.arrayContaining(['älgar', 'dans']));
    expect(hits[0]!.count).toBeGreaterThanOrEqual(1);
    expect(await searchArchive(archive, 'älgar flodhästar')).toEqual([]);
  });

  it("says where on the page a hit stands, from the words' places the record keeps; an older record without them is still found", async () => {
    const [hit] = await searchArchive(archive, 'älgar');
    const at = hit!.lines[0]!.at!;
    const words = JSON.parse(readFileSync(path.join(snapshotPath(archive, hit!.ref), 'data', 'page-words.json'), 'utf8')) as Array<[string, number, number, number, number]>;
    const word = words.find(([text]) => text.toLowerCase().includes('älgar'))!;
    expect(at).toEqual({ x: word[1], y: word[2], width: word[3], height: word[4] });
    expect(at.y).toBeGreaterThan(0);

    const older = mkdtempSync(path.join(os.tmpdir(), 'catalogue-older-'));
    cpSync(archive, older, { recursive: true });
    const bag = snapshotPath(older, hit!.ref);
    chmodSync(path.join(bag, 'data'), 0o755);
    rmSync(path.join(bag, 'data', 'page-words.json'));
    const found = (await searchArchive(older, 'älgar')).find((h) => h.ref === hit!.ref)!;
    expect(found.lines[0]!.text).toContain('älgar');
    expect(found.lines[0]!.at).toBeNull();
  });

  it('makes a thumbnail of the top of a snapshot', async () => {
    const [first] = (await readCatalogue(archive)).snapshots;
    const url = await thumbnail(archive, first!.ref);
    const meta = await sharp(Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([240, 180]);
  });

  it('never reads outside the archive', () => {
    expect(() => snapshotPath(archive, '../../etc')).toThrow(/not a snapshot/);
    expect(() => snapshotPath(archive, '/etc')).toThrow(/not a snapshot/);
    // A channel folder is not a snapshot, nor is anything below a bag.
    expect(() => snapshotPath(archive, 'plain')).toThrow(/not a snapshot/);
  });

  it('never follows a crafted metadata.json out of its bag', async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'catalogue-crafted-'));
    cpSync(archive, copy, { recursive: true });
    const [first] = (await readCatalogue(copy)).snapshots;
    const file = path.join(snapshotPath(copy, first!.ref), 'data', 'metadata.json');
    const meta = JSON.parse(readFileSync(file, 'utf8'));
    meta.pages[0].file = '../../../../../../etc/hostname';
    chmodSync(file, 0o644);
    writeFileSync(file, JSON.stringify(meta));
    await expect(thumbnail(copy, first!.ref)).rejects.toThrow();
    expect((await readCatalogue(copy)).unreadable).toEqual([first!.ref]);
  });
});
