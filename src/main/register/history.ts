import { lstat, open, readFile, truncate } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { KanalarkivError } from '../../shared/errors';
import { REGISTER_ACTIONS, type RegisterEvent } from '../../shared/register';

/**
 * The register's history, beside it in the archive: every add, change, deactivation and removal, as
 * the record of which accounts the municipality ran and who changed what. Lines are only added.
 */
export const HISTORY_FILE = 'kanalregister-historik.jsonl';

const eventSchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  by: z.string(),
  action: z.enum(REGISTER_ACTIONS),
  channelId: z.string(),
  name: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});

export type NewRegisterEvent = Omit<RegisterEvent, 'seq'>;

const historyFile = (archiveDir: string) => path.join(archiveDir, HISTORY_FILE);

/** Years of changes to hundreds of channels are a few megabytes; a file far larger is not the history. */
const MAX_HISTORY_BYTES = 256 * 1024 * 1024;
const TAIL_BYTES = 64 * 1024;

/** The history file's size (0 when there is none yet), or why it cannot be the history: a folder in its place, far too large. */
async function historySize(archiveDir: string): Promise<number> {
  let stats;
  try {
    stats = await lstat(historyFile(archiveDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  if (!stats.isFile()) throw historyProblem('is not a file (a folder or a link stands in its place)');
  if (stats.size > MAX_HISTORY_BYTES) throw historyProblem(`is ${Math.round(stats.size / 1024 / 1024)} MB, far more than a register's history; it is probably another file`);
  return stats.size;
}

const historyProblem = (detail: string) => new KanalarkivError('register_unreadable', `${HISTORY_FILE} ${detail}. Nothing was changed: a change to the register is saved only with its line in the history.`, { what: 'history', file: HISTORY_FILE });

/** Every readable line of the history, oldest first; a line cut off by a crash is left out. */
export async function readHistory(archiveDir: string): Promise<RegisterEvent[]> {
  if ((await historySize(archiveDir)) === 0) return [];
  const text = await readFile(historyFile(archiveDir), 'utf8');
  return text.split('\n').flatMap((line) => {
    const event = parseEvent(line);
    return event ? [event] : [];
  });
}

function parseEvent(line: string): RegisterEvent | null {
  if (!line) return null;
  try {
    const parsed = eventSchema.safeParse(JSON.parse(line));
    return parsed.success ? (parsed.data as RegisterEvent) : null;
  } catch {
    return null;
  }
}

/**
 * Appends events, numbered on from the last, flushed before returning; returns how to take them
 * back, for a change whose register could not be written after all (a change and its history line
 * are saved together or not at all). Only under the register lock, which every writer of the
 * register and its history holds (register.ts), so numbers never repeat.
 */
export async function appendHistory(archiveDir: string, events: NewRegisterEvent[]): Promise<() => Promise<void>> {
  const size = await historySize(archiveDir);
  if (events.length === 0) return async () => undefined;
  const handle = await open(historyFile(archiveDir), 'a+');
  try {
    // Only the end is read: the last number, and whether a crash cut the last line short.
    const start = Math.max(0, size - TAIL_BYTES);
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(size - start), 0, size - start, start);
    const tail = buffer.subarray(0, bytesRead).toString('utf8');
    let seq = tail.split('\n').map(parseEvent).findLast((e) => e !== null)?.seq ?? (size > TAIL_BYTES ? await lastSeq(archiveDir) : 0);
    const lines = events.map((event) => JSON.stringify({ seq: ++seq, ...event }));
    try {
      // A crash can cut the last line short: the next line starts on a line of its own.
      await handle.appendFile(`${size === 0 || tail.endsWith('\n') ? '' : '\n'}${lines.join('\n')}\n`);
      await handle.sync();
    } catch (error) {
      await handle.truncate(size).catch(() => undefined);
      throw error;
    }
  } finally {
    await handle.close();
  }
  return async () => {
    await truncate(historyFile(archiveDir), size);
  };
}

/** The last number in a history whose end holds no whole line (a very long line cut short). */
async function lastSeq(archiveDir: string): Promise<number> {
  return (await readHistory(archiveDir)).at(-1)?.seq ?? 0;
}

/** The fields that differ between two versions of a channel, for the history. */
export function changedFields(before: object, after: object): RegisterEvent['changes'] {
  const ignored = new Set(['version', 'changedAt', 'changedBy']);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !ignored.has(f));
  return fields.flatMap((field) => {
    const from = (before as Record<string, unknown>)[field];
    const to = (after as Record<string, unknown>)[field];
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, from: from ?? null, to: to ?? null }];
  });
}
