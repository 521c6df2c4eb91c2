import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Where the archive's locks live: a lock is a folder made with one mkdir, which works on SMB shares too. */
export const LOCKS_DIR = '.kanalarkiv-locks';

/** How long a lock survives a holder on another machine that stopped refreshing it (crashed, lost the share). */
const STALE_MS = 30_000;
/** Who holds a lock (beside it: the lock folder must stay empty), so that a holder on this machine that has died is known at once, not after STALE_MS. */
const owner = (target: string) => `${target}.owner.json`;

export class LockBusyError extends Error {}

/**
 * Runs `work` holding the archive's lock called `name`, shared by every process and machine that
 * uses the archive (proper-lockfile: refreshed while held, taken over when stale). `waitMs` is how
 * long to wait for another holder; past it, LockBusyError.
 */
export async function withArchiveLock<T>(archiveDir: string, name: string, waitMs: number, work: () => Promise<T>): Promise<T> {
  // proper-lockfile keeps one lock per path in a process, so each named lock has a path of its own.
  const target = path.join(archiveDir, LOCKS_DIR, name);
  await mkdir(path.dirname(target), { recursive: true });
  let compromised: Error | null = null;
  const options = {
    realpath: false,
    stale: STALE_MS,
    retries: retriesFor(waitMs),
    onCompromised: (error: Error) => void (compromised = error),
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    if (!(await heldByTheDead(target))) throw new LockBusyError(`${name} is held by another process`);
    // Only one process can take the dead holder's owner file away, so only one takes its lock over.
    const taken = `${owner(target)}.${process.pid}`;
    if (!(await rename(owner(target), taken).then(() => true, () => false))) throw new LockBusyError(`${name} is held by another process`);
    await rm(`${target}.lock`, { recursive: true, force: true });
    await rm(taken, { force: true });
    release = await lockfile.lock(target, options).catch((again: NodeJS.ErrnoException) => {
      throw again.code === 'ELOCKED' ? new LockBusyError(`${name} is held by another process`) : again;
    });
  }
  try {
    await writeFile(owner(target), JSON.stringify({ host: os.hostname(), pid: process.pid })).catch(() => undefined);
    const result = await work();
    if (compromised) throw compromised;
    return result;
  } finally {
    await rm(owner(target), { force: true });
    await release().catch(() => undefined);
  }
}

/**
 * Retries that wait at least `waitMs` in all: short at first, since most holders (a register edit, a
 * log line) are done in milliseconds, then up to half a second; randomised, so that waiting
 * processes do not all try again at the same moment.
 */
function retriesFor(waitMs: number) {
  if (waitMs <= 0) return 0;
  let retries = 0;
  for (let total = 0, wait = 20; total < waitMs; retries++, wait = Math.min(wait * 1.5, 500)) total += wait;
  return { retries, minTimeout: 20, maxTimeout: 500, factor: 1.5, randomize: true };
}

/** Whether the lock's holder was a process on this machine that no longer runs (killed, crashed). */
async function heldByTheDead(target: string): Promise<boolean> {
  try {
    const { host, pid } = JSON.parse(await readFile(owner(target), 'utf8')) as { host?: string; pid?: number };
    if (host !== os.hostname() || typeof pid !== 'number' || pid === process.pid) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
