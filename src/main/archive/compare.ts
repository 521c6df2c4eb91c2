import path from 'node:path';
import { diffArrays } from 'diff';
import sharp from 'sharp';
import { readMetadata, snapshotPath } from './catalogue';
import { readRegularText } from './files';
import { DATA_DIR, TEXT_FILE } from './layout';
import type { Difference, TextDifference } from '../../shared/archive';

/** One page of a snapshot's screenshot as a PNG data URL. */
export async function pageImage(archiveDir: string, ref: string, index: number): Promise<string> {
  const bag = snapshotPath(archiveDir, ref);
  const piece = (await readMetadata(bag)).pages[index];
  if (!piece) throw new Error(`snapshot ${ref} has no page ${index + 1}`);
  const png = await sharp(path.join(bag, DATA_DIR, piece.file)).png({ compressionLevel: 1 }).toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

/**
 * Where two snapshots of a channel differ, page by page at the same place on the page: an overlay to
 * lay over snapshot A. Where B is shorter, A's extra rows count as changed.
 */
export async function difference(archiveDir: string, refA: string, refB: string, index: number): Promise<Difference> {
  const [bagA, bagB] = [snapshotPath(archiveDir, refA), snapshotPath(archiveDir, refB)];
  const [metaA, metaB] = await Promise.all([readMetadata(bagA), readMetadata(bagB)]);
  const pieceA = metaA.pages[index];
  if (!pieceA) throw new Error(`snapshot ${refA} has no page ${index + 1}`);
  const a = await sharp(path.join(bagA, DATA_DIR, pieceA.file)).raw().toBuffer({ resolveWithObject: true });
  const { width, height } = a.info;
  const b = await rowsOf(bagB, metaB.pages, pieceA.top, height, width);
  const overlay = Buffer.alloc(width * height * 4);
  let changed = 0;
  for (let i = 0, p = 0; i < width * height; i++, p += 3) {
    const differs = b === null || p >= b.length || Math.abs(a.data[p]! - b[p]!) + Math.abs(a.data[p + 1]! - b[p + 1]!) + Math.abs(a.data[p + 2]! - b[p + 2]!) > 24;
    if (differs) {
      changed++;
      overlay[i * 4] = 230;
      overlay[i * 4 + 3] = 150;
    }
  }
  const png = await sharp(overlay, { raw: { width, height, channels: 4 } }).png({ compressionLevel: 6 }).toBuffer();
  return { overlay: `data:image/png;base64,${png.toString('base64')}`, changed: changed / (width * height) };
}

/** Rows [top, top + height) of a snapshot's stitched screenshot, as raw RGB; shorter if it ends sooner. */
async function rowsOf(bag: string, pages: Array<{ file: string; top: number; height: number; width: number }>, top: number, height: number, width: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  for (const piece of pages) {
    const from = Math.max(top, piece.top);
    const to = Math.min(top + height, piece.top + piece.height);
    if (from >= to || piece.width !== width) continue;
    parts.push(await sharp(path.join(bag, DATA_DIR, piece.file)).extract({ left: 0, top: from - piece.top, width, height: to - from }).raw().toBuffer());
  }
  return parts.length ? Buffer.concat(parts) : null;
}

/**
 * How the page text of two snapshots differs, line by line (jsdiff's Myers diff over page.txt's
 * lines): what the newer one added, what the older one had that is gone. Blank lines are left out,
 * and repeated whitespace counts as one, since neither is something a reader sees.
 */
export async function textDifference(archiveDir: string, older: string, newer: string): Promise<TextDifference> {
  const lines = async (ref: string) =>
    (await readRegularText(path.join(snapshotPath(archiveDir, ref), DATA_DIR, TEXT_FILE))).split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const [a, b] = await Promise.all([lines(older), lines(newer)]);
  const parts: TextDifference['parts'] = [];
  let added = 0;
  let removed = 0;
  for (const change of diffArrays(a, b)) {
    if (change.added) added += change.count;
    if (change.removed) removed += change.count;
    parts.push(change.added || change.removed ? { kind: change.added ? 'added' : 'removed', lines: change.value } : { kind: 'same', count: change.count });
  }
  return { parts, added, removed };
}
