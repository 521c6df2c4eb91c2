import { chmodSync, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finishBag, startBag, type BagInfo } from '../../src/main/archive/bag';
import { Inventory } from '../../src/main/archive/inventory';

export const BAG_INFO: BagInfo = {
  sourceOrganization: 'Umeå kommun',
  externalIdentifier: '0b8f2d1e-0000-4000-8000-000000000001',
  externalDescription: 'Ögonblicksbild Facebook Kultur 2026-04-14',
  groupIdentifier: 'kultur',
  softwareAgent: 'Kanalarkiv test',
};

/** A small bag of the channel "kultur", finished as a capture finishes one; `inventory` also enters it in the archive's inventory, as a capture does. */
export async function makeTestBag(archive: string, id = BAG_INFO.externalIdentifier, at = new Date('2026-04-14T08:30:00Z'), inventory = false): Promise<string> {
  const draft = await startBag(archive);
  await writeFile(path.join(draft.data, 'record.pdf'), '%PDF-1.7 fake');
  await mkdir(path.join(draft.data, 'sub'));
  await writeFile(path.join(draft.data, 'sub', 'page.txt'), 'Hej världen\n');
  await writeFile(path.join(draft.data, 'metadata.json'), JSON.stringify({ snapshotId: id, channel: { id: 'kultur', name: 'Kultur Umeå' }, capture: { startedAt: at.toISOString() } }));
  const bag = await finishBag(draft, archive, 'kultur', at, { ...BAG_INFO, externalIdentifier: id });
  if (inventory) await new Inventory(archive).add(bag, id);
  return bag;
}

/** Tampering as a person or a failing disk would: bags are read-only, so make a file and its folder writable first. */
export function unlock(file: string): void {
  chmodSync(path.dirname(file), 0o755);
  if (existsSync(file)) chmodSync(file, 0o644);
}
