import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { HandoverRecord, HandoverTarget } from '../../shared/handover';
import type { SnapshotMetadata } from '../../shared/snapshot';
import { readCatalogue, readMetadata, snapshotPath } from '../archive/catalogue';
import { RECORD_FILE } from '../archive/layout';
import { bagDigests, verifyBag } from '../archive/verify';
import { recordTitle, titleFor } from '../record/title';
import { HandoverError } from './errors';
import { deliveries, type LogEntry } from './log';

/** One snapshot record ready to hand over: checked against its bag's manifest first. */
export interface HandoverItem {
  /** The snapshot's id in the archive (its bag folder, relative, with forward slashes). */
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
export async function loadItem(archiveDir: string, snapshotId: string): Promise<HandoverItem> {
  let bag: string;
  let metadata: SnapshotMetadata;
  try {
    bag = snapshotPath(archiveDir, snapshotId);
    metadata = await readMetadata(bag);
  } catch {
    throw new HandoverError('not_found', `${snapshotId} is not a snapshot in the archive ${archiveDir}; list them with "kanalarkiv handover --list".`);
  }
  const problems = await verifyBag(bag);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new HandoverError('damaged', `${snapshotId} failed its fixity check (${first.file} ${first.detail}); run "kanalarkiv verify" and restore the bag from a backup before handing it over.`);
  }
  // The check just compared every file with the manifest, so the manifest's checksum is the record's.
  const sha256 = (await bagDigests(bag)).get(`data/${RECORD_FILE}`);
  if (!sha256) throw new HandoverError('damaged', `${snapshotId} has no ${RECORD_FILE} in its manifest; it cannot be handed over as a record.`);
  const recordFile = path.join(bag, 'data', RECORD_FILE);
  return { snapshotId, bag, metadata, title: recordTitle(metadata), recordFile, sha256, bytes: (await stat(recordFile)).size };
}

/** Every snapshot in the archive with where it has been delivered, newest first. */
export async function listHandoverRecords(archiveDir: string, entries: LogEntry[]): Promise<HandoverRecord[]> {
  const { snapshots } = await readCatalogue(archiveDir);
  const bySnapshot = new Map<string, HandoverRecord['delivered']>();
  for (const entry of deliveries(entries).values()) {
    const list = bySnapshot.get(entry.snapshotId!) ?? [];
    list.push({ target: entry.target, destination: entry.destination, at: entry.at, remoteId: entry.remoteId ?? '' });
    bySnapshot.set(entry.snapshotId!, list);
  }
  return snapshots.map((s) => ({
    snapshotId: s.id,
    channelName: s.channelName,
    platform: s.platform,
    unit: s.unit,
    round: s.round,
    takenAt: s.takenAt,
    title: titleFor(s.platform, s.channelName, s.takenAt),
    delivered: bySnapshot.get(s.id) ?? [],
  }));
}

/** The records of a round (or all) not yet delivered to a place, oldest first. */
export function undelivered(records: HandoverRecord[], target: HandoverTarget, destination: string, round?: string): HandoverRecord[] {
  return records
    .filter((r) => round === undefined || r.round === round)
    .filter((r) => !r.delivered.some((d) => d.target === target && d.destination === destination))
    .reverse();
}
