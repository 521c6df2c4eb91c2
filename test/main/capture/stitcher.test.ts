import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Stitcher } from '../../../src/main/capture/stitcher';

const WIDTH = 8;

/** A tile whose row r is filled with the value (first + r) % 256, so every row of the result can be traced. */
function tile(first: number, rows: number): Buffer {
  const buf = Buffer.alloc(WIDTH * rows * 3);
  for (let r = 0; r < rows; r++) buf.fill((first + r) % 256, r * WIDTH * 3, (r + 1) * WIDTH * 3);
  return buf;
}

async function rowsOf(dir: string, file: string): Promise<number[]> {
  const { data, info } = await sharp(path.join(dir, file)).raw().toBuffer({ resolveWithObject: true });
  return Array.from({ length: info.height }, (_, r) => data[r * info.width * info.channels]!);
}

describe('Stitcher', () => {
  it('joins tiles in order and cuts pieces of at most the slice height', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stitch-'));
    const stitcher = new Stitcher(dir, WIDTH, 25);
    stitcher.append(tile(0, 10), 0, 10);
    stitcher.append(tile(5, 10), 5, 10); // overlapping tile: only its new rows
    stitcher.append(tile(15, 20), 0, 20);
    const pieces = await stitcher.finish();
    expect(pieces.map((p) => [p.file, p.top, p.height])).toEqual([['screenshot-001.png', 0, 25], ['screenshot-002.png', 25, 10]]);
    const rows = [...(await rowsOf(dir, pieces[0]!.file)), ...(await rowsOf(dir, pieces[1]!.file))];
    expect(rows).toEqual(Array.from({ length: 35 }, (_, r) => r));
  });

  it('never leaves a last piece under 4 rows (a PDF page must be at least 3 pt)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stitch-'));
    const stitcher = new Stitcher(dir, WIDTH, 25);
    stitcher.append(tile(0, 27), 0, 27);
    const pieces = await stitcher.finish();
    expect(pieces.map((p) => [p.top, p.height])).toEqual([[0, 23], [23, 4]]);
    expect([...(await rowsOf(dir, pieces[0]!.file)), ...(await rowsOf(dir, pieces[1]!.file))]).toEqual(Array.from({ length: 27 }, (_, r) => r));
  });
});
