import { stat } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';

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
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw new UsageError(`cannot read the archive "${dir}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}
