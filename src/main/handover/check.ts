import type { ArchiveReport } from '../../shared/archive';
import { readCatalogue, snapshotPath } from '../archive/catalogue';
import { DATA_DIR, RECORD_FILE } from '../archive/layout';
import { bagDigests, verifyArchive } from '../archive/verify';
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
  const { problems, entries } = await inspectLog(archiveDir, reading);
  if (problems.length === 0) return entries;
  const first = problems[0]!;
  throw new HandoverError('log_broken', `The handover log ${file} is damaged: line ${first.line} ${first.detail}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}. Nothing was done. Restore the log from a backup; Kanalarkiv never changes it.`);
}

/** The whole archive checked: every bag's fixity and place, and the handover log that tells where records went. */
export async function checkArchive(archiveDir: string): Promise<ArchiveReport> {
  const report = await verifyArchive(archiveDir);
  return { ...report, log: await checkLog(archiveDir, await new HandoverLog(archiveDir).read()) };
}
