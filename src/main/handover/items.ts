import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SnapshotRef } from '../../shared/archive';
import type { HandoverRecord, HandoverTarget } from '../../shared/handover';
import type { SnapshotMetadata } from '../../shared/snapshot';
import { readCatalogue, readMetadata, snapshotPath } from '../archive/catalogue';
import { DATA_DIR, RECORD_FILE } from '../archive/layout';
import { bagDigests, verifyBag } from '../archive/verify';
import { recordTitle, titleFor } from '../record/title';
import { HandoverError } from './errors';
import { deliveries, type LogEntry } from './log';

/** One snapshot record ready to hand over: checked against its bag's manifest first. */
export interface HandoverItem {
  /** Where the snapshot's bag is in the archive. */
  ref: SnapshotRef;
  /** The snapshot's identity (metadata.json): what the log and the places it goes to know it by. */
  snapshotId: string;
  bag: string;
  metadata: SnapshotMetadata;
  /** "Ögonblicksbild Facebook Kultur Umeå 2026-04-14" */
  title: string;
  recordFile: string;
  sha256: string;
  bytes: number;
}

/**
 * Loads a snapshot for handover after checking the fixity of its whole bag: a record that has
 * changed since it was archived is never handed over as if it were the original.
 */
export async function loadItem(archiveDir: string, ref: SnapshotRef, known?: SnapshotMetadata): Promise<HandoverItem> {
  const bag = snapshotPath(archiveDir, ref);
  const metadata = known ?? (await identify(archiveDir, ref));
  const problems = await verifyBag(bag);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new HandoverError('damaged', `${ref} failed its fixity check (${first.file} ${first.detail}); run "kanalarkiv verify" and restore the bag from a backup before handing it over.`, { what: 'fixity' });
  }
  // The check just compared every file with the manifest, so the manifest's checksum is the record's.
  const sha256 = (await bagDigests(bag)).get(`data/${RECORD_FILE}`);
  if (!sha256) throw new HandoverError('damaged', `${ref} has no ${RECORD_FILE} in its manifest; it cannot be handed over as a record.`);
  const recordFile = path.join(bag, DATA_DIR, RECORD_FILE);
  return { ref, snapshotId: metadata.snapshotId, bag, metadata, title: recordTitle(metadata), recordFile, sha256, bytes: (await stat(recordFile)).size };
}

/** The metadata of the snapshot at `ref`, or not_found. */
export async function identify(archiveDir: string, ref: string): Promise<SnapshotMetadata> {
  try {
    return await readMetadata(snapshotPath(archiveDir, ref));
  } catch {
    throw new HandoverError('not_found', `${ref} is not a snapshot in the archive ${archiveDir}; list them with "kanalarkiv handover --list".`);
  }
}

/**
 * The log's entries, each with the identity of its snapshot. Lines written before the log knew
 * snapshots by identity name them by ref: they get the identity of the bag at that ref (when it is
 * still there). The log itself is never changed.
 */
export async function withIdentities(archiveDir: string, entries: LogEntry[]): Promise<LogEntry[]> {
  const ids = new Map<string, string | null>();
  const out: LogEntry[] = [];
  for (const entry of entries) {
    if (entry.ref !== undefined || !entry.snapshotId) {
      out.push(entry);
      continue;
    }
    const ref = entry.snapshotId;
    if (!ids.has(ref)) ids.set(ref, await identify(archiveDir, ref).then((m) => m.snapshotId, () => null));
    out.push({ ...entry, ref, snapshotId: ids.get(ref)! });
  }
  return out;
}

/** Every snapshot in the archive with where it has been delivered, newest first. */
export async function listHandoverRecords(archiveDir: string, entries: LogEntry[]): Promise<HandoverRecord[]> {
  const { snapshots } = await readCatalogue(archiveDir);
  const bySnapshot = new Map<string, HandoverRecord['delivered']>();
  for (const entry of deliveries(await withIdentities(archiveDir, entries)).values()) {
    const list = bySnapshot.get(entry.snapshotId!) ?? [];
    list.push({ target: entry.target, destination: entry.destination, at: entry.at, remoteId: entry.remoteId ?? '' });
    bySnapshot.set(entry.snapshotId!, list);
  }
  return snapshots.map((s) => ({
    ref: s.ref,
    snapshotId: s.snapshotId,
    channelName: s.channelName,
    platform: s.platform,
    unit: s.unit,
    round: s.round,
    takenAt: s.takenAt,
    reason: s.reason,
    title: titleFor(s.kind === 'comment' ? (s.commentPurpose ?? 'removal') : 'snapshot', s.platform, s.channelName, s.takenAt),
    delivered: bySnapshot.get(s.snapshotId) ?? [],
  }));
}

/** The records of a round (or all) not yet delivered to a place, oldest first. */
export function undelivered(records: HandoverRecord[], target: HandoverTarget, destination: string, round?: string): HandoverRecord[] {
  return records
    .filter((r) => round === undefined || r.round === round)
    .filter((r) => !r.delivered.some((d) => d.target === target && d.destination === destination))
    .reverse();
}
