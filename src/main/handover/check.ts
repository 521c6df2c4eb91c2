import path from 'node:path';
import type { ArchiveReport, BagReport, SnapshotRef } from '../../shared/archive';
import { readCatalogue, readMetadata, snapshotPath } from '../archive/catalogue';
import { DATA_DIR, RECORD_FILE } from '../archive/layout';
import { holdAgainstInventory } from '../archive/inventory-check';
import { bagDigests, verifyArchive, verifyBag } from '../archive/verify';
import { checkLogStamps } from '../archive/log-stamp';
import { HandoverError } from './errors';
import { withIdentities } from './items';
import { HandoverLog, type LogEntry, type LogReading } from './log';

/**
 * What is wrong with the handover log: lines cut off, edited or out of chain, and deliveries whose
 * record checksum is not the one in the record's bag (a forged last line, which no chain can show).
 */
export async function checkLog(archiveDir: string, reading: LogReading): Promise<LogReading['problems']> {
  return (await inspectLog(archiveDir, reading)).problems;
}

/** The log's problems, and its entries with their snapshots' identities (items.ts withIdentities). */
async function inspectLog(archiveDir: string, reading: LogReading): Promise<{ problems: LogReading['problems']; entries: LogEntry[] }> {
  const problems = [...reading.problems];
  const entries = await withIdentities(archiveDir, reading.entries);
  const refs = new Map((await readCatalogue(archiveDir)).snapshots.map((s) => [s.snapshotId, s.ref]));
  const records = new Map<string, string | null>();
  for (const [index, entry] of entries.entries()) {
    const ref = entry.snapshotId ? refs.get(entry.snapshotId) : undefined;
    if (entry.event !== 'delivered' || !entry.sha256 || !ref) continue;
    if (!records.has(ref)) records.set(ref, await bagDigests(snapshotPath(archiveDir, ref)).then((d) => d.get(`${DATA_DIR}/${RECORD_FILE}`) ?? null, () => null));
    const actual = records.get(ref);
    if (actual && actual !== entry.sha256) {
      problems.push({ line: reading.lineNumbers[index]!, kind: 'checksum', detail: `says the record of ${ref} has SHA-256 ${entry.sha256}, but its bag says ${actual}` });
    }
  }
  return { problems: problems.sort((a, b) => a.line - b.line), entries };
}

/**
 * Refuses to go on from a damaged handover log: a delivery or a receipt from it could not be
 * trusted. Returns the entries with their snapshots' identities.
 */
export async function requireIntactLog(archiveDir: string, reading: LogReading, file: string): Promise<LogEntry[]> {
  const inspected = await inspectLog(archiveDir, reading);
  const { entries } = inspected;
  // A stamp of a line the log no longer has tells a cut even when the head file was cut with it.
  const stampedCut = (await checkLogStamps(archiveDir, reading, '')).problems.filter((p) => p.kind === 'cut');
  const problems = [...inspected.problems, ...stampedCut];
  if (problems.length === 0) return entries;
  const first = problems.find((p) => p.kind === 'cut') ?? problems[0]!;
  if (first.kind === 'cut') {
    // Delivering from a cut log would send again what its lost lines had delivered.
    throw new HandoverError('log_broken', `The handover log ${file} ${first.detail}. Nothing was done, so that no record is delivered twice. Restore the log from a backup taken after its last delivery (or copy the lost lines back); Kanalarkiv never changes it.`, { what: 'cut', line: first.line });
  }
  throw new HandoverError('log_broken', `The handover log ${file} is damaged: line ${first.line} ${first.detail}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}. Nothing was done. Restore the log from a backup; Kanalarkiv never changes it.`);
}

/**
 * The whole archive checked: every bag's fixity and place, and the handover log that tells where
 * records went. Given the file archive, each damaged bag's copy there is checked too, so the report
 * can say whether it can be restored from it.
 */
export async function checkArchive(archiveDir: string, fileArchiveDir = '', tsaRoots = ''): Promise<ArchiveReport> {
  const { found, ...report } = await verifyArchive(archiveDir, tsaRoots);
  const reading = await new HandoverLog(archiveDir).read();
  const { problems, entries } = await inspectLog(archiveDir, reading);
  const stamped = await checkLogStamps(archiveDir, reading, tsaRoots);
  const delivered = entries.flatMap((e) => (e.event === 'delivered' && e.snapshotId ? [{ snapshotId: e.snapshotId, ref: e.ref ?? e.snapshotId, title: e.title }] : []));
  const { inventory, reports } = await holdAgainstInventory(archiveDir, found, delivered);
  const merged = new Map(report.bags.map((bag) => [bag.bag, bag]));
  for (const extra of reports) {
    const bag = merged.get(extra.bag);
    merged.set(extra.bag, bag ? { ...bag, problems: [...bag.problems, ...extra.problems] } : extra);
  }
  const all = [...merged.values()].sort((x, y) => x.bag.localeCompare(y.bag));
  const bags = await Promise.all(all.map(async (bag) => (bag.problems.length > 0 ? { ...bag, copy: await copyOf(fileArchiveDir, bag.bag) } : bag)));
  return { ...report, bags, log: [...problems, ...stamped.problems], logRemnant: reading.remnant !== null, logStamps: stamped.stamps, inventory };
}

/** The fixity of some records, before they are handed over: the damaged ones, with their copies in the file archive. */
export async function damagedRecords(archiveDir: string, refs: SnapshotRef[], fileArchiveDir = ''): Promise<BagReport[]> {
  const damaged: BagReport[] = [];
  for (const ref of refs) {
    const bag = snapshotPath(archiveDir, ref);
    const problems = await verifyBag(bag, archiveDir).catch((error: NodeJS.ErrnoException) => [{ kind: 'invalid' as const, file: '.', detail: `cannot be read (${error.code ?? error.message})` }]);
    if (problems.length === 0) continue;
    const meta = await readMetadata(bag).catch(() => null);
    damaged.push({ bag: ref, channelName: meta?.channel.name ?? null, takenAt: meta?.capture.startedAt ?? null, problems, copy: await copyOf(fileArchiveDir, ref) });
  }
  return damaged;
}

/** The file archive keeps a bag at the same <channel>/<folder> as the archive (file-archive.ts): whether it is there and whole. */
async function copyOf(fileArchiveDir: string, ref: string): Promise<BagReport['copy']> {
  if (!fileArchiveDir || ref === '.') return null;
  const place = path.join(path.resolve(fileArchiveDir), ...ref.split('/'));
  try {
    await bagDigests(place);
  } catch {
    return null;
  }
  return { place, intact: (await verifyBag(place).catch(() => [null])).length === 0 };
}
