import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { mkdir, stat } from 'node:fs/promises';
import { fsProblem, probeWritable } from '../archive/fs-problems';
import { diskText } from './messages';
import type { Translate } from '../messages';

/** Where a command writes (stdout for results, stderr for progress and messages), and in which language. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  t: Translate;
}

/** Exit statuses scripts rely on (README, "Command line"). */
export const EXIT = { ok: 0, usage: 1, someFailed: 2, cancelled: 130 } as const;

/**
 * Invalid arguments: the dispatcher prints the message and the command's usage, and exits 1. One that
 * Node's argument parser found keeps its code, so that it can be said in the user's language.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly parse?: { code: string; option: string },
  ) {
    super(message);
  }
}

/** Parses options strictly, so that a mistyped option is an error instead of being ignored. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals = false) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(message, { code: String(code), option: /'([^']+)'/.exec(message)?.[1] ?? '' });
  }
  // No value given on the command line holds a control character: it would go on into the register, records and receipts.
  for (const [name, value] of [...Object.entries(parsed.values), ...parsed.positionals.map((p) => ['', p] as const)]) {
    if ([value].flat().some((v) => typeof v === 'string' && /\p{Cc}/u.test(v))) {
      throw new UsageError(`${name ? `--${name}` : 'an argument'} holds a control character`, { code: 'CONTROL_CHARACTER', option: name ? `--${name}` : '' });
    }
  }
  return parsed;
}

/** An existing archive folder, or a usage error that says why it cannot be read. */
export async function requireArchive(dir: string, t: Translate): Promise<void> {
  const resolved = path.resolve(dir);
  // The root of a disk is never an archive, and walking all of it would take hours.
  if (path.parse(resolved).root === resolved) throw new UsageError(t('cli.archiveRoot', { dir }));
  try {
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR', path: dir });
  } catch (error) {
    throw new UsageError(t('cli.archiveUnreadable', { dir, problem: said(t, error, dir) }));
  }
}

const said = (t: Translate, error: unknown, dir: string) => {
  const problem = fsProblem(error, dir);
  return problem ? diskText(t, problem) : (error as Error).message;
};

/** Makes the archive folder if it is missing; what is wrong with it, or null when snapshots can be written there. */
export async function useArchive(dir: string, t: Translate): Promise<string | null> {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    return t('cli.archiveUnusable', { dir, problem: said(t, error, dir) });
  }
  const unwritable = await probeWritable(dir);
  return unwritable ? t('cli.archiveUnwritable', { problem: diskText(t, unwritable) }) : null;
}
