import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';

export interface FileDigest {
  sha256: string;
  bytes: number;
}

/** SHA-256 and size of a file, streamed so that large MHTML copies do not fill memory. */
export async function digestFile(file: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
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
