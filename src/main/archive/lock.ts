import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Where the archive's locks live: a lock is a folder made with one mkdir, which works on SMB shares too. */
export const LOCKS_DIR = '.kanalarkiv-locks';

/** How long a lock survives its holder: a process that died (or a machine that lost the share) frees it after this. */
const STALE_MS = 30_000;

export class LockBusyError extends Error {}

/**
 * Runs `work` holding the archive's lock called `name`, shared by every process and machine that
 * uses the archive (proper-lockfile: the lock is refreshed while held, and taken over when stale).
 * `waitMs` is how long to wait for another holder; past it, LockBusyError.
 */
export async function withArchiveLock<T>(archiveDir: string, name: string, waitMs: number, work: () => Promise<T>): Promise<T> {
  const lockfilePath = path.join(archiveDir, LOCKS_DIR, `${name}.lock`);
  await mkdir(path.dirname(lockfilePath), { recursive: true });
  let compromised: Error | null = null;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(archiveDir, {
      lockfilePath,
      realpath: false,
      stale: STALE_MS,
      retries: waitMs > 0 ? { retries: Math.ceil(waitMs / 500), minTimeout: 500, maxTimeout: 500, factor: 1 } : 0,
      onCompromised: (error) => void (compromised = error),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new LockBusyError(`${name} is held by another process`);
    throw error;
  }
  try {
    const result = await work();
    if (compromised) throw compromised;
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}
