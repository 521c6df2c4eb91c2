import { randomUUID } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';

/** The file's parsed JSON, or undefined when there is no such file. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

/**
 * Writes a JSON file whole: into a temporary file of its own beside it, flushed to disk, then renamed
 * over it. A reader on any machine sees the old file or the new one, never half of one; the
 * temporary name is unique, so two writers never write into the same temporary file.
 */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  const temp = `${file}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
