import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LogProblem, LogStamps } from '../../shared/archive';
import { sha256, type ChainLink, type ChainReading } from './chained-log';
import { syncPath } from './files';
import { HANDOVER_STAMPS_DIR } from './layout';
import { checkStamp, readStamp, requestTimestamp } from '../evidence/timestamp';

/** A chained log as read (the handover log's): its entries' numbers and their lines as written. */
type LogReading = Pick<ChainReading<ChainLink>, 'entries' | 'lines' | 'lineNumbers'>;

const stampFile = (seq: number) => `seq-${String(seq).padStart(8, '0')}.tsr`;

/**
 * Has the handover log's last line stamped by a time-stamping authority, after a handover. The
 * stamp's imprint is the SHA-256 of that line as written, the same hash the head file keeps: it
 * proves that the log held at least that many lines, that one exactly, at the authority's time. A
 * log cut afterwards (head file and all) is told by it. Null when the log is empty or that line has a stamp.
 */
export async function stampLogHead(archiveDir: string, reading: LogReading, tsaUrl: string): Promise<{ seq: number; at: Date } | null> {
  const last = reading.entries.at(-1);
  const line = reading.lines.at(-1);
  if (!last || line === undefined) return null;
  const dir = path.join(archiveDir, HANDOVER_STAMPS_DIR);
  const file = path.join(dir, stampFile(last.seq));
  const tsr = await requestTimestamp(tsaUrl, Buffer.from(sha256(line), 'hex'));
  await mkdir(dir, { recursive: true });
  try {
    await writeFile(file, tsr, { flag: 'wx', mode: 0o444 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  await syncPath(file);
  return { seq: last.seq, at: readStamp(tsr).time };
}

/**
 * Holds the log's stamps against the log: each stamped line must be in it, unchanged, and each
 * signature hold (against `roots`, when set). A stamp of a line the log no longer has is a cut log.
 */
export async function checkLogStamps(archiveDir: string, reading: LogReading, roots: string): Promise<{ problems: LogProblem[]; stamps: LogStamps }> {
  const dir = path.join(archiveDir, HANDOVER_STAMPS_DIR);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => /^seq-\d{8}\.tsr$/.test(name)).sort();
  const problems: LogProblem[] = [];
  let latest: LogStamps['latest'] = null;
  let untrusted = 0;
  const lastLine = reading.lineNumbers.at(-1) ?? 0;
  for (const name of names) {
    const seq = Number(name.slice(4, 12));
    const at = reading.entries.findIndex((entry) => entry.seq === seq);
    const tsr = await readFile(path.join(dir, name));
    const line = at >= 0 ? reading.lines[at]! : '';
    let check;
    try {
      check = await checkStamp(tsr, Buffer.from(line, 'utf8'), roots);
    } catch (error) {
      problems.push({ line: lastLine, kind: 'unreadable', detail: `${HANDOVER_STAMPS_DIR}/${name} cannot be read as a time stamp (${(error as Error).message})` });
      continue;
    }
    if (at < 0) {
      problems.push({ line: lastLine, kind: 'cut', detail: `a time stamp of ${check.time.toISOString()} (${HANDOVER_STAMPS_DIR}/${name}) shows the log had entry ${seq} then, and the log no longer has it: entries were cut off or removed` });
    } else if (!check.imprintMatches) {
      problems.push({ line: reading.lineNumbers[at]!, kind: 'checksum', detail: `entry ${seq} is not the line stamped at ${check.time.toISOString()} (${HANDOVER_STAMPS_DIR}/${name}): it was changed after the stamp` });
    } else if (!check.signatureValid) {
      problems.push({ line: reading.lineNumbers[at]!, kind: 'checksum', detail: `the time stamp of entry ${seq} does not hold (${check.detail})` });
    } else {
      if (roots && !check.trusted) untrusted++;
      if (!latest || seq > latest.seq) latest = { seq, at: check.time.toISOString(), authority: check.authority };
    }
  }
  return { problems, stamps: { count: names.length, latest, untrusted } };
}
