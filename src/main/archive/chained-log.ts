import { createHash } from 'node:crypto';
import { open, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { LogProblem } from '../../shared/archive';
import { withArchiveLock } from './lock';
import { readJsonFile, writeJsonFile } from './shared-file';

/** What every line of a chained log starts with: its number, and the SHA-256 of the line before it. */
export interface ChainLink {
  seq: number;
  prev: string;
}

export interface ChainReading<E> {
  entries: E[];
  /** Each entry's line as written, for the seals on receipts. */
  lines: string[];
  /** Each entry's line number in the file (1-based). */
  lineNumbers: number[];
  /** Lines that do not parse or do not continue the chain, and a log shorter than its head says. */
  problems: LogProblem[];
  /** A last line cut off by a crash while it was written (no newline, not an entry): set aside at the next append. */
  remnant: string | null;
}

/** The last entry written, kept outside the log: a log cut at its end, or emptied, is told by it. */
interface ChainHead {
  seq: number;
  sha256: string;
}

export const GENESIS = '0'.repeat(64);
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** An append takes milliseconds; a writer that holds the lock longer has stopped, and its lock goes stale. */
const LOCK_WAIT_MS = 60_000;
const TAIL_BYTES = 64 * 1024;

/**
 * An append-only JSON-lines file in the archive whose lines are chained by their hashes, with its
 * head (the last line's number and hash) in a file beside it. The handover log and the inventory
 * are such logs. Appends from this process queue up; those of other processes and machines wait for
 * the archive lock `lockName`, so that each line chains to the one really before it.
 */
export class ChainedLog<E extends ChainLink> {
  readonly file: string;
  readonly headFile: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly archiveDir: string,
    fileName: string,
    headName: string,
    private readonly lockName: string,
    private readonly schema: z.ZodType<E>,
  ) {
    this.file = path.join(archiveDir, fileName);
    this.headFile = path.join(archiveDir, headName);
  }

  async read(): Promise<ChainReading<E>> {
    const reading: ChainReading<E> = { entries: [], lines: [], lineNumbers: [], problems: [], remnant: null };
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const all = text.split('\n');
    let prev = GENESIS;
    for (const [index, line] of all.entries()) {
      if (!line) continue;
      const parsed = this.parse(line);
      if (!parsed) {
        if (index === all.length - 1) reading.remnant = line;
        else reading.problems.push({ line: index + 1, kind: 'unreadable', detail: 'not a log entry (cut off or edited)' });
        continue;
      }
      if (parsed.prev !== prev) reading.problems.push({ line: index + 1, kind: 'out_of_chain', detail: 'does not follow the line before it (a line was changed or removed)' });
      reading.entries.push(parsed);
      reading.lines.push(line);
      reading.lineNumbers.push(index + 1);
      prev = sha256(line);
    }
    reading.problems.push(...(await this.headProblems(reading)));
    return reading;
  }

  /** Appends one line and flushes it to disk before returning; then moves the head on. */
  append(build: (link: ChainLink) => E): Promise<E> {
    return this.withLock(() => this.write(build));
  }

  /** Runs `work` holding the log's archive lock, after this process's earlier appends: for a reading and its appends in one step (writeHoldingLock). */
  withLock<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => withArchiveLock(this.archiveDir, this.lockName, LOCK_WAIT_MS, work));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Writes the head for a log that has none yet (one made before heads were kept), when the log is whole. */
  async ensureHead(): Promise<void> {
    if ((await this.readHead()) !== undefined) return;
    await this.withLock(async () => {
      const reading = await this.read();
      const last = reading.lines.at(-1);
      if (reading.problems.length === 0 && last !== undefined && (await this.readHead()) === undefined) {
        await writeJsonFile(this.headFile, { seq: reading.entries.at(-1)!.seq, sha256: sha256(last) } satisfies ChainHead);
      }
    });
  }

  private async write(build: (link: ChainLink) => E): Promise<E> {
    return (await this.writeHoldingLock([build]))[0]!;
  }

  /** Appends lines, each chained to the one before, flushed, then the head. Only while holding the archive lock `lockName`. */
  async writeHoldingLock(builds: Array<(link: ChainLink) => E>): Promise<E[]> {
    const { last, endsCleanly } = await this.tail();
    let link: ChainLink = { seq: (last?.entry.seq ?? 0) + 1, prev: last ? sha256(last.line) : GENESIS };
    const entries: E[] = [];
    const lines: string[] = [];
    for (const build of builds) {
      const entry = build(link);
      const line = JSON.stringify(entry);
      entries.push(entry);
      lines.push(line);
      link = { seq: entry.seq + 1, prev: sha256(line) };
    }
    if (lines.length === 0) return [];
    const handle = await open(this.file, 'a');
    try {
      await handle.appendFile(`${endsCleanly ? '' : '\n'}${lines.join('\n')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await writeJsonFile(this.headFile, { seq: entries.at(-1)!.seq, sha256: sha256(lines.at(-1)!) } satisfies ChainHead);
    return entries;
  }

  /** Whether the log or its head exists: an archive that has neither never kept one. */
  async exists(): Promise<boolean> {
    return (await this.readHead()) !== undefined || (await stat(this.file).then(() => true, (error: NodeJS.ErrnoException) => error.code !== 'ENOENT'));
  }

  /**
   * The last entry, which the next one chains to, and whether the file ends with a newline. A last
   * line a crash cut short is set aside first: its bytes go to a file of their own beside the log, and
   * the log ends again after its last whole line, so that the chain goes on.
   */
  private async tail(): Promise<{ last: { line: string; entry: E } | null; endsCleanly: boolean }> {
    let handle;
    try {
      handle = await open(this.file, 'r+');
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
        const bytes = buffer.subarray(0, bytesRead);
        const cut = bytes.lastIndexOf(0x0a) + 1;
        const rest = bytes.subarray(cut);
        if (rest.length > 0 && (cut > 0 || start === 0) && !this.parse(rest.toString('utf8'))) {
          await writeFile(`${this.file}.cut-off-${new Date().toISOString().replace(/[:.]/g, '')}.txt`, rest, { flag: 'wx' });
          await handle.truncate(start + cut);
          await handle.sync();
          return this.tail();
        }
        const lines = bytes.toString('utf8').split('\n');
        if (start > 0) lines.shift();
        for (let i = lines.length - 1; i >= 0; i--) {
          const entry = lines[i] ? this.parse(lines[i]!) : null;
          if (entry) return { last: { line: lines[i]!, entry }, endsCleanly: rest.length === 0 };
        }
        if (start === 0) return { last: null, endsCleanly: rest.length === 0 };
      }
    } finally {
      await handle.close();
    }
  }

  /** A log shorter than its head, or whose line at the head is another: lines were cut off at the end, replaced, or the log emptied. */
  private async headProblems(reading: ChainReading<E>): Promise<LogProblem[]> {
    const head = await this.readHead();
    if (!head) return [];
    const line = (reading.lineNumbers.at(-1) ?? 0) + 1;
    if (head === 'unreadable') return [{ line, kind: 'cut', detail: `${path.basename(this.headFile)} cannot be read, so whether entries were cut off at the end cannot be told` }];
    const lastSeq = reading.entries.at(-1)?.seq ?? 0;
    const at = reading.entries.findIndex((e) => e.seq === head.seq);
    if (at < 0 && lastSeq < head.seq) {
      return [{ line, kind: 'cut', detail: `ends at entry ${lastSeq}, but ${head.seq} entries were written (${path.basename(this.headFile)} says so): entries were cut off at the end, or the log was emptied or replaced` }];
    }
    if (at >= 0 && sha256(reading.lines[at]!) !== head.sha256) {
      return [{ line: reading.lineNumbers[at]!, kind: 'out_of_chain', detail: `entry ${head.seq} is not the one written last (${path.basename(this.headFile)} holds its hash): it was replaced` }];
    }
    return [];
  }

  /** The head, or undefined when none was written yet. */
  private async readHead(): Promise<ChainHead | undefined | 'unreadable'> {
    const head = (await readJsonFile(this.headFile).catch(() => null)) as Partial<ChainHead> | null | undefined;
    if (head === undefined) return undefined;
    if (typeof head?.seq !== 'number' || typeof head.sha256 !== 'string') return 'unreadable';
    return { seq: head.seq, sha256: head.sha256 };
  }

  private parse(line: string): E | null {
    try {
      const parsed = this.schema.safeParse(JSON.parse(line));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
