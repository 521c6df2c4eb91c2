import path from 'node:path';
import sharp from 'sharp';
import { screenshotFile } from '../archive/layout';

/** One stored piece of the full-page screenshot; each becomes one PDF page. */
export interface Segment {
  /** File name inside the snapshot's folder. */
  file: string;
  width: number;
  height: number;
  /** Where the piece starts on the page, in CSS px. */
  top: number;
}

interface Buffered {
  pixels: Buffer;
  rows: number;
  top: number;
}

const CHANNELS = 3;
/** A PDF page side must be at least 3 pt = 4 px; a shorter last piece borrows rows from the one before. */
const MIN_ROWS = 4;

/**
 * Builds the full-page screenshot from viewport tiles, top to bottom, and writes it as PNG pieces of at
 * most `sliceHeight` rows. Only the piece being filled and the one before it are held in memory, so a
 * page of any height costs the same memory; each finished piece is compressed while scrolling goes on.
 */
export class Stitcher {
  private current: Buffered;
  private held: Buffered | null = null;
  private readonly written: Array<Promise<Segment>> = [];
  /** Pieces still being compressed: each holds its slice of pixels until it is written. */
  private readonly encoding = new Set<Promise<unknown>>();
  private count = 0;

  constructor(
    private readonly dir: string,
    readonly width: number,
    private readonly sliceHeight: number,
  ) {
    this.current = this.fresh(0);
  }

  /** Rows placed so far: the height of the stitched image. */
  get height(): number {
    return this.current.top + this.current.rows;
  }

  /** Appends rows [fromRow, toRow) of a raw RGB tile that is `width` pixels wide. */
  append(tile: Buffer, fromRow: number, toRow: number): void {
    const rowBytes = this.width * CHANNELS;
    let row = fromRow;
    while (row < toRow) {
      if (this.current.rows === this.sliceHeight) {
        if (this.held) this.write(this.held);
        this.held = this.current;
        this.current = this.fresh(this.held.top + this.held.rows);
      }
      const take = Math.min(toRow - row, this.sliceHeight - this.current.rows);
      tile.copy(this.current.pixels, this.current.rows * rowBytes, row * rowBytes, (row + take) * rowBytes);
      this.current.rows += take;
      row += take;
    }
    if (this.held && this.current.rows >= MIN_ROWS) {
      this.write(this.held);
      this.held = null;
    }
  }

  /**
   * Waits while more than `limit` pieces are still being compressed. Scrolling waits here, so that a
   * machine short of CPU holds a bounded number of slices in memory instead of queueing them all.
   */
  async ready(limit = 1): Promise<void> {
    while (this.encoding.size > limit) await Promise.race(this.encoding);
  }

  /** Writes what is left and returns every piece, top to bottom. */
  async finish(): Promise<Segment[]> {
    const { held, current } = this;
    if (held && current.rows < MIN_ROWS) {
      const borrow = MIN_ROWS - current.rows;
      const rowBytes = this.width * CHANNELS;
      const merged = Buffer.allocUnsafe(MIN_ROWS * rowBytes);
      held.pixels.copy(merged, 0, (held.rows - borrow) * rowBytes, held.rows * rowBytes);
      current.pixels.copy(merged, borrow * rowBytes, 0, current.rows * rowBytes);
      held.rows -= borrow;
      this.current = { pixels: merged, rows: MIN_ROWS, top: held.top + held.rows };
    }
    if (held) this.write(held);
    if (this.current.rows > 0) this.write(this.current);
    this.held = null;
    return Promise.all(this.written);
  }

  private fresh(top: number): Buffered {
    return { pixels: Buffer.allocUnsafe(this.width * this.sliceHeight * CHANNELS), rows: 0, top };
  }

  private write(piece: Buffered): void {
    this.count += 1;
    const file = screenshotFile(this.count);
    const { width } = this;
    const pixels = piece.pixels.subarray(0, piece.rows * width * CHANNELS);
    const written = sharp(pixels, { raw: { width, height: piece.rows, channels: CHANNELS } })
      .png({ compressionLevel: 3, adaptiveFiltering: true })
      .toFile(path.join(this.dir, file))
      .then(() => ({ file, width, height: piece.rows, top: piece.top }));
    this.written.push(written);
    const settled = written.then(() => undefined, () => undefined);
    this.encoding.add(settled);
    void settled.then(() => this.encoding.delete(settled));
  }
}
