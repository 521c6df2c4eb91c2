import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
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

/** Every readable line of the history, oldest first; a line cut off by a crash is left out. */
export async function readHistory(archiveDir: string): Promise<RegisterEvent[]> {
  let text: string;
  try {
    text = await readFile(historyFile(archiveDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text.split('\n').flatMap((line) => {
    if (!line) return [];
    try {
      const parsed = eventSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data as RegisterEvent] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Appends events, numbered on from the last, flushed before returning. Only under the register lock,
 * which every writer of the register and its history holds (register.ts), so numbers never repeat.
 */
export async function appendHistory(archiveDir: string, events: NewRegisterEvent[]): Promise<void> {
  if (events.length === 0) return;
  const earlier = await readHistory(archiveDir);
  let seq = earlier.at(-1)?.seq ?? 0;
  const handle = await open(historyFile(archiveDir), 'a+');
  try {
    const { size } = await handle.stat();
    const last = size > 0 ? (await handle.read(Buffer.alloc(1), 0, 1, size - 1)).buffer.toString() : '\n';
    const lines = events.map((event) => JSON.stringify({ seq: ++seq, ...event }));
    // A crash can cut the last line short: the next line starts on a line of its own.
    await handle.appendFile(`${last === '\n' ? '' : '\n'}${lines.join('\n')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
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
