import path from 'node:path';
import { z } from 'zod';
import { ChainedLog, type ChainReading } from './chained-log';
import { digestFile, relativePath } from './files';
import { INVENTORY_FILE, INVENTORY_HEAD_FILE, TAG_MANIFEST_FILE } from './layout';
import { findBags, readIdentity } from './verify';

/**
 * The archive's inventory: one line for every bag finished in it, with its identity, where it was
 * put and the SHA-256 of its tag manifest (which covers every file), chained like the handover log.
 * The bags alone cannot tell that one of them is gone; verify holds them against this list.
 */
const entrySchema = z.object({
  seq: z.number().int().positive(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  /**
   * added: finished by a capture; found: there when the inventory was first made, in an archive older
   * than it; stamped: its trusted timestamp was made (archive/stamp-bag.ts), whose SHA-256 is `stamp`.
   */
  event: z.enum(['added', 'found', 'stamped']),
  snapshotId: z.string().min(1),
  ref: z.string().min(1),
  tagManifest: z.string().regex(/^[0-9a-f]{64}$/),
  /** The SHA-256 of the bag's timestamp.tsr: a stamp that is removed or replaced is told by it. */
  stamp: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type InventoryEntry = z.infer<typeof entrySchema>;
export type InventoryReading = ChainReading<InventoryEntry>;

const LOCK = 'inventory';

export class Inventory {
  private readonly chain: ChainedLog<InventoryEntry>;

  constructor(private readonly archiveDir: string) {
    this.chain = new ChainedLog(archiveDir, INVENTORY_FILE, INVENTORY_HEAD_FILE, LOCK, entrySchema);
  }

  get file(): string {
    return this.chain.file;
  }

  read(): Promise<InventoryReading> {
    return this.chain.read();
  }

  /** Adds a bag just finished. In an archive that kept no inventory yet, the bags already there are taken in first. */
  add(bag: string, snapshotId: string): Promise<void> {
    return this.chain.withLock(async () => {
      if (!(await this.chain.exists())) await this.takeInHolding((found) => found !== bag);
      const tagManifest = (await digestFile(path.join(bag, TAG_MANIFEST_FILE))).sha256;
      await this.chain.writeHoldingLock([(link) => ({ ...link, at: new Date().toISOString(), event: 'added', snapshotId, ref: relativePath(this.archiveDir, bag), tagManifest })]);
    });
  }

  /** Notes that a bag in the inventory got its trusted timestamp, whose SHA-256 is `stamp`. */
  addStamp(bag: string, snapshotId: string, stamp: string): Promise<void> {
    return this.chain.withLock(async () => {
      const tagManifest = (await digestFile(path.join(bag, TAG_MANIFEST_FILE))).sha256;
      await this.chain.writeHoldingLock([(link) => ({ ...link, at: new Date().toISOString(), event: 'stamped', snapshotId, ref: relativePath(this.archiveDir, bag), tagManifest, stamp })]);
    });
  }

  /**
   * Makes the inventory of an archive that has none, from the bags in it now (once: every bag is
   * added when it is finished from then on). Returns how many were taken in, or null when the
   * archive had an inventory already.
   */
  ensure(): Promise<number | null> {
    return this.chain.withLock(async () => ((await this.chain.exists()) ? null : this.takeInHolding(() => true)));
  }

  private async takeInHolding(include: (bag: string) => boolean): Promise<number> {
    const at = new Date().toISOString();
    const entries: Array<Omit<InventoryEntry, 'seq' | 'prev'>> = [];
    for (const bag of (await findBags(this.archiveDir)).filter(include)) {
      const identity = await readIdentity(bag);
      const tagManifest = await digestFile(path.join(bag, TAG_MANIFEST_FILE)).then((d) => d.sha256, () => null);
      // A bag whose identity or tag manifest cannot be read is not taken in: verify names it as damaged.
      if (identity && tagManifest) entries.push({ at, event: 'found', snapshotId: identity.snapshotId, ref: relativePath(this.archiveDir, bag), tagManifest });
    }
    await this.chain.writeHoldingLock(entries.map((entry) => (link) => ({ ...link, ...entry })));
    return entries.length;
  }
}
