import { z } from 'zod';
import { ChainedLog, type ChainReading } from '../archive/chained-log';
import { HANDOVER_HEAD_FILE, HANDOVER_LOG } from '../archive/layout';
import { HANDOVER_TARGETS, type HandoverTarget } from '../../shared/handover';


const LOG_LOCK = 'handover-log';

const entrySchema = z.object({
  seq: z.number().int().positive(),
  /** SHA-256 of the previous line: an edited or removed line breaks the chain. */
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  by: z.string(),
  deliveryId: z.string(),
  /** Where the records went; null for a removal check, which hands nothing over. */
  target: z.enum(HANDOVER_TARGETS).nullable(),
  destination: z.string(),
  /**
   * started: about to hand a record over (written first, so an interruption is known);
   * delivered / failed: its outcome; case-created: Platina made a collection case for a round;
   * removal-checked: a saved comment's link was opened again, and `gone` says whether it was still there.
   */
  event: z.enum(['started', 'delivered', 'failed', 'case-created', 'removal-checked']),
  /** The snapshot's identity (the UUID in its metadata.json), which stays when its bag is moved. */
  snapshotId: z.string().nullable(),
  /**
   * Where its bag was in the archive (a SnapshotRef). Lines written before 0.2 have no ref and name
   * the snapshot by its ref in snapshotId; items.ts withIdentities() gives them their identity.
   */
  ref: z.string().nullable().optional(),
  title: z.string().nullable(),
  sha256: z.string().nullable(),
  bytes: z.number().int().nullable(),
  round: z.string().nullable(),
  remoteId: z.string().nullable(),
  error: z.string().nullable(),
  /** Why it failed, as a code and the values its sentence names, so a receipt says it in Swedish; lines before 0.3 have only `error`. */
  errorCode: z.string().nullable().optional(),
  errorParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** For a removal check: true when the comment was gone, false when the page still showed it, null when the page could not be read. */
  gone: z.boolean().nullable().optional(),
});

export type LogEntry = z.infer<typeof entrySchema>;
type Optional = 'snapshotId' | 'ref' | 'title' | 'sha256' | 'bytes' | 'round' | 'remoteId' | 'error' | 'errorCode' | 'errorParams' | 'gone';
export type NewLogEntry = Omit<LogEntry, 'seq' | 'prev' | Optional> & Partial<Pick<LogEntry, Optional>>;
export type LogReading = ChainReading<LogEntry>;

/**
 * The append-only record of every handover: what, when, where to, by whom, checksums, result and the
 * remote ids. Lines are only ever added, each chained to the one before by its hash, and the last
 * line's number and hash are kept beside it (HANDOVER_HEAD_FILE), so that a log cut at its end is told.
 */
export class HandoverLog {
  private readonly chain: ChainedLog<LogEntry>;
  readonly file: string;

  constructor(archiveDir: string) {
    this.chain = new ChainedLog(archiveDir, HANDOVER_LOG, HANDOVER_HEAD_FILE, LOG_LOCK, entrySchema);
    this.file = this.chain.file;
  }

  read(): Promise<LogReading> {
    return this.chain.read();
  }

  /** Writes the head of a log kept before heads were (once, when the log is whole). */
  ensureHead(): Promise<void> {
    return this.chain.ensureHead();
  }

  /** Appends one entry and flushes it to disk before returning. */
  append(fields: NewLogEntry): Promise<LogEntry> {
    return this.chain.append((link) => ({ ...link, snapshotId: null, ref: null, title: null, sha256: null, bytes: null, round: null, remoteId: null, error: null, ...fields }));
  }
}

/** Where each snapshot has been delivered: the latest `delivered` entry per snapshot (by identity), target and destination. */
export function deliveries(entries: LogEntry[]): Map<string, LogEntry & { target: HandoverTarget }> {
  const delivered = new Map<string, LogEntry & { target: HandoverTarget }>();
  for (const entry of entries) {
    const { target } = entry;
    if (entry.event === 'delivered' && entry.snapshotId && target) delivered.set(deliveryKey(entry.snapshotId, target, entry.destination), { ...entry, target });
  }
  return delivered;
}

export const deliveryKey = (snapshotId: string, target: string, destination: string) => `${target}\n${destination}\n${snapshotId}`;
