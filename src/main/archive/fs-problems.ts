import { rm, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What a file-system failure means for the person at the keyboard, and what to do. */
export interface FsProblem {
  kind: 'disk_full' | 'read_only' | 'denied' | 'missing' | 'other';
  message: string;
  /** The path it concerns, and the system's own words: for saying it in another language. */
  where: string;
  detail: string;
}

/** A file-system error in words, naming the path; null for anything that is not one. */
export function fsProblem(error: unknown, fallbackPath = ''): FsProblem | null {
  const { code, path: where = fallbackPath, message } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return null;
  const detail = message.replace(/^[A-Z]+: /, '');
  const said = (kind: FsProblem['kind'], text: string): FsProblem => ({ kind, message: text, where, detail });
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return said('disk_full', `the disk is full (disken är full) at ${where}. Free some space or move the archive, then try again; nothing half-written was kept.`);
    case 'EROFS':
      return said('read_only', `${where} is on a read-only disk or share. Choose a folder you can write to, or ask IT to give write access.`);
    case 'EACCES':
    case 'EPERM':
      return said('denied', `you have no permission to use ${where}. Ask IT for access, or choose another folder.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return said('missing', `${where} does not exist (or is not a folder). Check the path.`);
    default:
      return said('other', `${where}: ${detail}`);
  }
}

/** Whether a folder can be written to, found out by writing and removing a small file in it. */
export async function probeWritable(dir: string): Promise<FsProblem | null> {
  const probe = path.join(dir, `.kanalarkiv-probe-${process.pid}`);
  try {
    await writeFile(probe, 'probe');
    await rm(probe, { force: true });
    return null;
  } catch (error) {
    return fsProblem(error, dir) ?? { kind: 'other', message: `${dir}: ${(error as Error).message}`, where: dir, detail: (error as Error).message };
  }
}

/**
 * Whether the disk holding `dir` is full: some writers (sharp's PNG encoder) report a full disk only
 * as "write error", so after a failure the disk itself is asked.
 */
export async function diskFull(dir: string): Promise<FsProblem | null> {
  try {
    const { bavail, bsize } = await statfs(dir);
    return bavail * bsize < 1024 * 1024 ? fsProblem(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', path: dir })) : null;
  } catch {
    return null;
  }
}
