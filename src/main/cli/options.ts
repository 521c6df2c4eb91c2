import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { mkdir, stat } from 'node:fs/promises';
import { fsProblem, probeWritable } from '../archive/fs-problems';

/** Where a command writes: stdout for results, stderr for progress and messages. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Exit statuses scripts rely on (README, "Command line"). */
export const EXIT = { ok: 0, usage: 1, someFailed: 2, cancelled: 130 } as const;

/** Invalid arguments: the dispatcher prints the message and the command's usage, and exits 1. */
export class UsageError extends Error {}

/** Parses options strictly, so that a mistyped option is an error instead of being ignored. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** An existing archive folder, or a usage error that says why it cannot be read. */
export async function requireArchive(dir: string): Promise<void> {
  const resolved = path.resolve(dir);
  // The root of a disk is never an archive, and walking all of it would take hours.
  if (path.parse(resolved).root === resolved) throw new UsageError(`"${dir}" is the root of a disk, not an archive folder; give the archive folder itself (e.g. --archive /srv/arkiv).`);
  try {
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR', path: dir });
  } catch (error) {
    throw new UsageError(`cannot read the archive "${dir}": ${fsProblem(error, dir)?.message ?? (error as Error).message}`);
  }
}

/** Makes the archive folder if it is missing; what is wrong with it, or null when snapshots can be written there. */
export async function useArchive(dir: string): Promise<string | null> {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    return `cannot use "${dir}" as the archive folder: ${fsProblem(error, dir)?.message ?? (error as Error).message}`;
  }
  const unwritable = await probeWritable(dir);
  return unwritable ? `cannot write to the archive folder: ${unwritable.message}` : null;
}
