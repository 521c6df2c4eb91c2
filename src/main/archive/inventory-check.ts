import path from 'node:path';
import type { BagProblem, BagReport, InventoryReport } from '../../shared/archive';
import { digestFile } from './files';
import { Inventory, type InventoryEntry } from './inventory';
import { INVENTORY_FILE, TAG_MANIFEST_FILE, TIMESTAMP_FILE } from './layout';
import type { FoundBag } from './verify';

/** A record the archive should hold, as another list names it (a delivery in the handover log). */
export interface ExpectedRecord {
  snapshotId: string;
  ref: string;
  title: string | null;
}

/**
 * Holds the bags found against the archive's inventory (built first where the archive has none):
 * a listed bag that is gone is missing, a found one not listed is extra, and one whose tag manifest
 * is not the one listed had its manifests written again. Records the handover log delivered and no
 * bag holds are missing too. Returns the count and a report per bag concerned.
 */
export async function holdAgainstInventory(archiveDir: string, found: FoundBag[], delivered: ExpectedRecord[]): Promise<{ inventory: InventoryReport; reports: BagReport[] }> {
  const inventory = new Inventory(archiveDir);
  // A read-only archive (a copy being checked, a share without write access) is checked without one.
  const built = await inventory.ensure().catch(() => null);
  const reading = await inventory.read();
  const reports: BagReport[] = [];
  const report = (bag: string, problem: BagProblem) => reports.push({ bag, channelName: null, takenAt: null, problems: [problem], copy: null });
  for (const problem of reading.problems) report(INVENTORY_FILE, { kind: 'invalid', file: '.', detail: `line ${problem.line} ${problem.detail}` });

  const listed = new Map<string, InventoryEntry>();
  const stamps = new Map<string, InventoryEntry>();
  for (const entry of reading.entries) {
    listed.set(entry.snapshotId, entry);
    if (entry.stamp) stamps.set(entry.snapshotId, entry);
  }
  const byId = new Map(found.filter((f) => f.snapshotId).map((f) => [f.snapshotId!, f]));
  let present = 0;
  for (const entry of listed.values()) {
    const bag = byId.get(entry.snapshotId);
    if (!bag) {
      report(entry.ref, { kind: 'missing', file: '.', detail: `is in the archive's inventory (${entry.event} ${entry.at}, snapshot ${entry.snapshotId}) but no bag of it is in the archive: it was deleted, or moved out of the archive` });
      continue;
    }
    present++;
    const now = await digestFile(path.join(archiveDir, ...bag.bag.split('/'), TAG_MANIFEST_FILE)).then((d) => d.sha256, () => null);
    if (now && now !== entry.tagManifest) {
      report(bag.bag, { kind: 'changed', file: TAG_MANIFEST_FILE, detail: `is not the tag manifest the inventory recorded when the bag was finished (SHA-256 ${entry.tagManifest} then, ${now} now): the manifests were written again` });
    }
    // The stamp is in no manifest (it stamps them): the inventory is what tells one removed or replaced.
    const stamped = stamps.get(entry.snapshotId);
    if (stamped) {
      const stamp = await digestFile(path.join(archiveDir, ...bag.bag.split('/'), TIMESTAMP_FILE)).then((d) => d.sha256, () => null);
      if (stamp === null) report(bag.bag, { kind: 'missing', file: TIMESTAMP_FILE, detail: `is gone, though the archive's inventory recorded the bag's trusted timestamp (${stamped.at}): it was deleted` });
      else if (stamp !== stamped.stamp) report(bag.bag, { kind: 'changed', file: TIMESTAMP_FILE, detail: `is not the trusted timestamp the inventory recorded (${stamped.at}, SHA-256 ${stamped.stamp} then, ${stamp} now): it was replaced` });
    }
  }
  if (reading.problems.length === 0) {
    for (const bag of found) {
      if (bag.snapshotId && !listed.has(bag.snapshotId)) report(bag.bag, { kind: 'extra', file: '.', detail: `is not in the archive's inventory: Kanalarkiv did not finish it in this archive (copied in or made by hand)` });
    }
  }
  const named = new Set(listed.keys());
  for (const record of delivered) {
    if (byId.has(record.snapshotId) || named.has(record.snapshotId)) continue;
    named.add(record.snapshotId);
    report(record.ref, { kind: 'missing', file: '.', detail: `was handed over (the handover log says so${record.title ? `: "${record.title}"` : ''}, snapshot ${record.snapshotId}) but no bag of it is in the archive: it was deleted, or moved out of the archive` });
  }
  return { inventory: { expected: listed.size, present, built }, reports };
}
