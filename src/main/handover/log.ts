import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { withArchiveLock } from '../archive/lock';
import { HANDOVER_TARGETS, type HandoverTarget } from '../../shared/handover';
import type { LogProblem } from '../../shared/archive';

/** The handover log lives in the archive itself, beside the bags, so it travels with them. */
export const HANDOVER_LOG = 'handover-log.jsonl';

const GENESIS = '0'.repeat(64);
const LOG_LOCK = 'handover-log';
/** An append takes milliseconds; a writer that holds the lock longer has stopped, and its lock goes stale. */
const LOCK_WAIT_MS = 60_000;
const TAIL_BYTES = 64 * 1024;

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

export interface LogReading {
  entries: LogEntry[];
  /** Each entry's line as written, for the seals on receipts. */
  lines: string[];
  /** Each entry's line number in the file (1-based). */
  lineNumbers: number[];
  /** Lines that do not parse or do not continue the chain, by line number (1-based). */
  problems: LogProblem[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The append-only record of every handover: what, when, where to, by whom, checksums, result and the
 * remote ids. Lines are only ever added, each chained to the one before by its hash.
 */
export class HandoverLog {
  readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly archiveDir: string) {
    this.file = path.join(archiveDir, HANDOVER_LOG);
  }

  async read(): Promise<LogReading> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], lines: [], lineNumbers: [], problems: [] };
      throw error;
    }
    const entries: LogEntry[] = [];
    const lines: string[] = [];
    const lineNumbers: number[] = [];
    const problems: LogReading['problems'] = [];
    let prev = GENESIS;
    for (const [index, line] of text.split('\n').entries()) {
      if (!line) continue;
      const parsed = entrySchema.safeParse(parseJson(line));
      if (!parsed.success) {
        problems.push({ line: index + 1, kind: 'unreadable', detail: 'not a log entry (cut off or edited)' });
        continue;
      }
      const entry = parsed.data;
      if (entry.prev !== prev) problems.push({ line: index + 1, kind: 'out_of_chain', detail: 'does not follow the line before it (a line was changed or removed)' });
      entries.push(entry);
      lines.push(line);
      lineNumbers.push(index + 1);
      prev = sha256(line);
    }
    return { entries, lines, lineNumbers, problems };
  }

  /**
   * Appends one entry and flushes it to disk before returning. Appends from this process queue up;
   * those of other processes and machines (a handover, a removal check, the scheduled task) wait for
   * the archive's log lock, so each entry chains to the one really before it.
   */
  append(entry: NewLogEntry): Promise<LogEntry> {
    const next = this.queue.then(() => withArchiveLock(this.archiveDir, LOG_LOCK, LOCK_WAIT_MS, () => this.write(entry)));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async write(fields: NewLogEntry): Promise<LogEntry> {
    const { last, endsCleanly } = await this.tail();
    const entry: LogEntry = {
      seq: (last?.entry.seq ?? 0) + 1,
      prev: last ? sha256(last.line) : GENESIS,
      snapshotId: null,
      ref: null,
      title: null,
      sha256: null,
      bytes: null,
      round: null,
      remoteId: null,
      error: null,
      ...fields,
    };
    const handle = await open(this.file, 'a');
    try {
      await handle.appendFile(`${endsCleanly ? '' : '\n'}${JSON.stringify(entry)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return entry;
  }

  /**
   * The last entry that parses, which the next one chains to, and whether the file ends with a
   * newline: a crash can cut the last line short, and the next entry must start on a line of its own.
   */
  private async tail(): Promise<{ last: { line: string; entry: LogEntry } | null; endsCleanly: boolean }> {
    let handle;
    try {
      handle = await open(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { last: null, endsCleanly: true };
      throw error;
    }
    try {
      const { size } = await handle.stat();
      // Entries are short; reading the end of the file is enough, so appending stays cheap however long the log grows.
      for (let window = TAIL_BYTES; ; window *= 4) {
        const start = Math.max(0, size - window);
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(size - start), 0, size - start, start);
        const text = buffer.subarray(0, bytesRead).toString('utf8');
        const lines = text.split('\n');
        if (start > 0) lines.shift();
        for (let i = lines.length - 1; i >= 0; i--) {
          const parsed = lines[i] ? entrySchema.safeParse(parseJson(lines[i]!)) : null;
          if (parsed?.success) return { last: { line: lines[i]!, entry: parsed.data }, endsCleanly: text.endsWith('\n') };
        }
        if (start === 0) return { last: null, endsCleanly: size === 0 || text.endsWith('\n') };
      }
    } finally {
      await handle.close();
    }
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
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
