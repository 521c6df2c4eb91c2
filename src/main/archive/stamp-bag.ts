import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { syncPath } from './files';
import { TAG_MANIFEST_FILE, TIMESTAMP_FILE } from './layout';
import { Inventory } from './inventory';
import { findBags, readIdentity } from './verify';
import { readStamp, requestTimestamp } from '../evidence/timestamp';

/** Where the time-stamping authority is, when the command line is not told: the scheduled task's setting. */
export const TSA_URL_ENV = 'KANALARKIV_TSA_URL';
/** The trusted roots of the authority (a PEM file), for verify. */
export const TSA_CA_ENV = 'KANALARKIV_TSA_CA';

/**
 * Has a finished bag's tag manifest stamped and keeps the stamp in the bag as timestamp.tsr. The
 * bag is sealed: its top folder is opened for this one new file and sealed again. Returns the
 * stamp's time. A bag that has a stamp already is never stamped again (the file is made with wx).
 * Given its archive, the stamp's hash goes into the inventory, so that a stamp removed later is told.
 */
export async function stampBag(bag: string, tsaUrl: string, archiveDir?: string): Promise<Date> {
  const manifest = await readFile(path.join(bag, TAG_MANIFEST_FILE));
  const tsr = await requestTimestamp(tsaUrl, createHash('sha256').update(manifest).digest());
  const file = path.join(bag, TIMESTAMP_FILE);
  await chmod(bag, 0o755);
  try {
    await writeFile(file, tsr, { flag: 'wx', mode: 0o444 });
    await syncPath(file);
  } finally {
    await chmod(bag, 0o555);
  }
  const identity = archiveDir ? await readIdentity(bag) : null;
  // The stamp is whole in the bag whatever happens here: a stamp the inventory missed is only not guarded.
  if (archiveDir && identity) await new Inventory(archiveDir).addStamp(bag, identity.snapshotId, createHash('sha256').update(tsr).digest('hex')).catch(() => undefined);
  return readStamp(tsr).time;
}

export interface CatchUp {
  stamped: Array<{ bag: string; at: Date }>;
  failed: Array<{ bag: string; error: string }>;
}

/** Stamps every bag of the archive that has no stamp yet (the authority was down or slow when it was made). */
export async function stampArchive(archiveDir: string, tsaUrl: string): Promise<CatchUp> {
  const result: CatchUp = { stamped: [], failed: [] };
  for (const bag of await findBags(archiveDir)) {
    if (existsSync(path.join(bag, TIMESTAMP_FILE))) continue;
    const name = path.relative(archiveDir, bag).split(path.sep).join('/');
    try {
      result.stamped.push({ bag: name, at: await stampBag(bag, tsaUrl, archiveDir) });
    } catch (error) {
      result.failed.push({ bag: name, error: (error as Error).message });
    }
  }
  return result;
}
