import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Where the archive's locks live: a lock is a folder made with one mkdir, which works on SMB shares too. */
export const LOCKS_DIR = '.kanalarkiv-locks';

/** How long a lock survives a holder on another machine that stopped refreshing it (crashed, lost the share). */
const STALE_MS = 30_000;
/** Who holds a lock (beside it: the lock folder must stay empty), so that a holder on this machine that has died is known at once, not after STALE_MS. */
const owner = (target: string) => `${target}.owner.json`;

/**
 * Why a lock could not be had: another holder is working (held), something that is no lock of ours
 * stands in the lock's place (not_a_lock), or the lock is dated in the future by a computer whose
 * clock is ahead and its holder is still refreshing it (future).
 */
export class LockBusyError extends Error {
  constructor(
    message: string,
    readonly reason: 'held' | 'not_a_lock' | 'future' = 'held',
    readonly place = '',
  ) {
    super(message);
  }
}

/** What a busy lock's sentence names: the exact case (errorMessageKeys' `what`) and the lock's place, unless another holder is simply working. */
export function lockParams(error: LockBusyError): Record<string, string> {
  return error.reason === 'held' ? {} : { what: `lock_${error.reason}`, place: error.place };
}

/** A lock dated in the future that has not been refreshed for this long has lost its holder (whose clock was ahead): it is taken over. */
export const FUTURE_LOCK_TAKEOVER_MS = STALE_MS;
/** How far ahead a lock's time may be before it counts as dated in the future (clocks of a share and a PC differ a little). */
const FUTURE_SLACK_MS = 2_000;

/**
 * Runs `work` holding the archive's lock called `name`, shared by every process and machine that
 * uses the archive (proper-lockfile: refreshed while held, taken over when stale). `waitMs` is how
 * long to wait for another holder; past it, LockBusyError. The holder is looked at first: a holder
 * on this computer that has died gives its lock up at once, not after the wait.
 */
export async function withArchiveLock<T>(archiveDir: string, name: string, waitMs: number, work: () => Promise<T>): Promise<T> {
  // proper-lockfile keeps one lock per path in a process, so each named lock has a path of its own.
  const target = path.join(archiveDir, LOCKS_DIR, name);
  await mkdir(path.dirname(target), { recursive: true });
  let compromised: Error | null = null;
  const options: lockfile.LockOptions = { realpath: false, stale: STALE_MS, onCompromised: (error: Error) => void (compromised = error) };
  const release = await acquire(target, name, waitMs, options);
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

async function acquire(target: string, name: string, waitMs: number, options: lockfile.LockOptions): Promise<() => Promise<void>> {
  const lockDir = `${target}.lock`;
  const deadline = Date.now() + waitMs;
  // Short at first, since most holders (a register edit, a log line) are done in milliseconds, then up
  // to half a second; randomised, so that waiting processes do not all try again at the same moment.
  for (let pause = 20; ; pause = Math.min(pause * 1.5, 500)) {
    try {
      return await lockfile.lock(target, { ...options, retries: 0 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    const found = await stat(lockDir).catch(() => null);
    if (found && !found.isDirectory()) {
      throw new LockBusyError(`${lockDir} is a file, not a lock folder of Kanalarkiv's; remove it (when no one else is using the archive) and try again`, 'not_a_lock', lockDir);
    }
    if (await takeOverFromTheDead(target)) continue;
    // proper-lockfile never calls a lock stale whose time is ahead of ours; one not refreshed for a while has no holder.
    const future = found && found.mtimeMs > Date.now() + FUTURE_SLACK_MS ? found.mtimeMs : null;
    if (future !== null && (await takeOverFromTheFuture(lockDir, future))) continue;
    if (Date.now() >= deadline) {
      if (future !== null) throw new LockBusyError(`${lockDir} is dated ${new Date(future).toISOString()}, in the future (a computer whose clock is ahead); it is taken over when it has not changed for ${FUTURE_LOCK_TAKEOVER_MS / 1000} s`, 'future', lockDir);
      throw new LockBusyError(`${name} is held by another process`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause * (0.5 + Math.random()), Math.max(1, deadline - Date.now()))));
  }
}

/**
 * Takes over a lock dated in the future once it has not changed for FUTURE_LOCK_TAKEOVER_MS by our
 * clock: a live holder refreshes it every 15 s, however wrong its clock. When it was first seen is
 * kept beside it, so that callers who do not wait (a capture) see the time run too. Whether it did.
 */
async function takeOverFromTheFuture(lockDir: string, mtimeMs: number): Promise<boolean> {
  const seenFile = `${lockDir}.future.json`;
  const seen = (await readFile(seenFile, 'utf8').then((text) => JSON.parse(text) as { mtimeMs?: unknown; since?: unknown }, () => null));
  if (seen?.mtimeMs !== mtimeMs || typeof seen.since !== 'number') {
    await writeFile(seenFile, JSON.stringify({ mtimeMs, since: Date.now() })).catch(() => undefined);
    return false;
  }
  if (Date.now() - seen.since < FUTURE_LOCK_TAKEOVER_MS) return false;
  // Only one process can move the note away, so only one takes the lock over.
  const taken = await claim(seenFile);
  if (!taken) return false;
  await rm(lockDir, { recursive: true, force: true });
  await rm(taken, { force: true });
  return true;
}

/** Moves `file` to a name of this process's: only one process of many can, so it alone goes on. The new name, or null. */
async function claim(file: string): Promise<string | null> {
  const taken = `${file}.${process.pid}`;
  return rename(file, taken).then(() => taken, () => null);
}

/** Takes the lock away from a holder on this computer that no longer runs; whether it did. */
async function takeOverFromTheDead(target: string): Promise<boolean> {
  if (!(await heldByTheDead(target))) return false;
  // Only one process can take the dead holder's owner file away, so only one takes its lock over.
  const taken = await claim(owner(target));
  if (!taken) return false;
  await rm(`${target}.lock`, { recursive: true, force: true });
  await rm(taken, { force: true });
  return true;
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
