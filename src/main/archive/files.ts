import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export interface FileDigest {
  sha256: string;
  bytes: number;
}

/** The code of the error `openRegular` throws for what is not a regular file. */
export const NOT_A_FILE = 'ENOTREGULAR';

/**
 * Opens a file for reading only if it is a regular file. A FIFO or a device (/dev/zero) would make a
 * read wait or run for ever, and a link could point anywhere: none is read. O_NONBLOCK lets a FIFO
 * open at once so that it can be told apart; O_NOFOLLOW refuses a link (Windows has neither, and no FIFOs in folders).
 */
export async function openRegular(file: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw notAFile(file, 'a symbolic link');
    throw error;
  }
  const stats = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (stats.isFile()) return handle;
  await handle.close();
  throw notAFile(file, stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isDirectory() ? 'a folder' : 'a device or socket');
}

const notAFile = (file: string, what: string) => Object.assign(new Error(`${file} is ${what}, not a regular file; it was not opened`), { code: NOT_A_FILE, path: file, what });

/** A regular file's text (openRegular): never blocks on a FIFO or a device. */
export async function readRegularText(file: string): Promise<string> {
  const handle = await openRegular(file);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** SHA-256 and size of a regular file (openRegular), streamed so that large MHTML copies do not fill memory. */
export async function digestFile(file: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await openRegular(file);
  for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** `target` relative to `from`, with forward slashes on every system: as manifests and refs write paths. */
export function relativePath(from: string, target: string): string {
  return path.relative(from, target).split(path.sep).join('/');
}

/** Every file below `dir`, as paths relative to it with forward slashes, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relativePath(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Flushes a file or folder to disk, so that a crash after a rename never finds it half written. */
export async function syncPath(target: string): Promise<void> {
  let handle;
  try {
    handle = await open(target, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open folders for syncing; its rename is durable on its own.
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  } finally {
    await handle?.close();
  }
}
