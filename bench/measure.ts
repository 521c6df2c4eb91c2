import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { snapshotMetadataSchema } from '../src/shared/snapshot';

/** A full-page image to judge: pixel(x, y) in CSS px over the whole page. */
export interface PageImage {
  width: number;
  height: number;
  pixel(x: number, y: number): number[];
}
export type Check = (image: PageImage) => string | null;

export const rawImage = (data: Buffer, width: number, height: number): PageImage => ({
  width,
  height,
  pixel: (x, y) => [...data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)],
});

/** A PNG file (a peer's screenshot) as a page image. */
export async function imageOfPng(file: string): Promise<PageImage> {
  const { data, info } = await sharp(file, { limitInputPixels: false }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return rawImage(data, info.width, info.height);
}

/** A snapshot's screenshot pieces, read from its bag, as one page image. */
export async function imageOfBag(bag: string): Promise<PageImage> {
  const meta = snapshotMetadataSchema.parse(JSON.parse(readFileSync(path.join(bag, 'data', 'metadata.json'), 'utf8')));
  const pieces = await Promise.all(meta.pages.map(async (p) => ({ ...p, ...(await sharp(path.join(bag, 'data', p.file)).removeAlpha().raw().toBuffer({ resolveWithObject: true })) })));
  return {
    width: pieces[0]!.info.width,
    height: meta.capture.pageHeight,
    pixel: (x, y) => {
      const piece = pieces.find((p) => y >= p.top && y < p.top + p.height)!;
      const at = ((y - piece.top) * piece.info.width + x) * 3;
      return [piece.data[at]!, piece.data[at + 1]!, piece.data[at + 2]!];
    },
  };
}

/**
 * Samples peak RSS of a process (this one unless `root` is given) and of every process below it
 * (the browsers): `node` is the root's own, `browsers` the rest of its tree.
 */
export class MemorySampler {
  node = 0;
  browsers = 0;
  private timer: NodeJS.Timeout;
  constructor(private readonly root = process.pid) {
    // What the page before (and its check, which decodes the whole image) left is not this page's.
    (globalThis as { gc?: () => void }).gc?.();
    this.timer = setInterval(() => this.sample(), 100);
  }
  private sample(): void {
    if (this.root === process.pid) this.node = Math.max(this.node, process.memoryUsage().rss);
    const parents = new Map<number, number>();
    const rss = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(entry), Number(fields[1]));
        rss.set(Number(entry), Number(fields[21]) * 4096);
      } catch {
        // The process ended while we looked.
      }
    }
    let total = 0;
    for (const [pid, size] of rss) {
      let p = parents.get(pid);
      while (p && p !== this.root && p > 1) p = parents.get(p);
      if (p === this.root) total += size;
    }
    if (this.root !== process.pid) this.node = Math.max(this.node, rss.get(this.root) ?? 0);
    this.browsers = Math.max(this.browsers, total);
  }
  stop(): { node: number; browsers: number } {
    clearInterval(this.timer);
    this.sample();
    return { node: this.node, browsers: this.browsers };
  }
}
