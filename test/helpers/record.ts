import path from 'node:path';
import sharp from 'sharp';
import type { SnapshotMetadata } from '../../src/shared/snapshot';

export type Rgb = [number, number, number];

/** The stitched screenshot pieces of a record, read back pixel by pixel, in page coordinates. */
export async function stitched(record: string, meta: SnapshotMetadata) {
  const pieces = await Promise.all(
    meta.pages.map(async (p) => ({ ...p, ...(await sharp(path.join(record, 'data', p.file)).raw().toBuffer({ resolveWithObject: true })) })),
  );
  const pixel = (x: number, y: number): Rgb => {
    const piece = pieces.find((p) => y >= p.top && y < p.top + p.height)!;
    const at = ((y - piece.top) * piece.info.width + x) * piece.info.channels;
    return [piece.data[at]!, piece.data[at + 1]!, piece.data[at + 2]!];
  };
  const close = (a: number[], b: number[]) => a.every((c, k) => Math.abs(c - b[k]!) <= 2);
  const height = meta.pages.reduce((sum, p) => sum + p.height, 0);
  return {
    height,
    pixel,
    columnHas: (x: number, from: number, to: number, colour: number[]) => {
      for (let y = from; y < Math.min(to, height); y++) if (close(pixel(x, y), colour)) return true;
      return false;
    },
    rowsWithColour: (x: number, colour: number[]) => {
      const rows: number[] = [];
      for (let y = 0; y < height; y++) if (close(pixel(x, y), colour)) rows.push(y);
      return rows;
    },
  };
}
