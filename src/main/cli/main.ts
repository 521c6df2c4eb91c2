import { stat } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { captureCommand } from './capture-command';
import { dueCommand } from './due-command';
import { handoverCommand, receiptCommand } from './handover-command';
import { loginCommand } from './login-command';
import { verifyCommand } from './verify-command';

/** Where a command writes: stdout for results, stderr for progress and messages. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Exit statuses scripts rely on (README, "Command line"). */
export const EXIT = { ok: 0, usage: 1, someFailed: 2, cancelled: 130 } as const;

export class UsageError extends Error {}

export const USAGE = `Usage:
  kanalarkiv capture --channels FILE --archive DIR [--only ID,…] [--reason TEXT]
                     [--timeout SECONDS] [--concurrency N] [--browser PATH] [--json]
                     [--organisation NAME] [--profiles DIR] [--due] [--rounds SPEC]
  kanalarkiv due --channels FILE --archive DIR [--rounds SPEC] [--at TIME] [--json]
  kanalarkiv verify --archive DIR [--json]
  kanalarkiv login PLATFORM [--browser PATH] [--profiles DIR]
  kanalarkiv handover --archive DIR --to platina|email|folder|eark|file-archive
                      [--round NAME | --snapshots ID,…] [--list] [--by NAME] [--json]
                      [--organisation NAME] [--dest DIR] [--org-id NUMBER]
                      [--smtp HOST:PORT --user NAME --from ADDR --to-address ADDR --ca FILE]
                      [--platina URL --diary ID [--case ID] --authority URL --client-id ID
                       --scope SCOPE --case-type ID --status ID --business-code ID --deed-type ID]
  kanalarkiv receipt --archive DIR [--delivery ID] --out FILE [--organisation NAME]

FILE is a JSON array of {id, name, platform, url, unit, owners} or a CSV file with those columns.
PLATFORM is one of facebook, instagram, linkedin, x, youtube, tiktok, web.
SPEC lists the rounds, default "april:04-01..04-30,september:09-01..09-30" (or KANALARKIV_ROUNDS).
--due captures only the channels without a snapshot in the current round (open, or overdue).
handover sends the records not yet delivered to the place (all, or --round's) and logs each in
the archive's handover-log.jsonl; a re-run sends only what is missing. --dest is the folder for
folder, eark, file-archive and email without --smtp (.eml files). Secrets come from the
environment: KANALARKIV_SMTP_PASSWORD, and KANALARKIV_PLATINA_TOKEN (else a browser sign-in).
Exit status: 0 all done, 2 some channels or records failed or some bags are damaged, 1 invalid
arguments, 130 cancelled.`;

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

export async function main(argv: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'capture':
        return await captureCommand(rest, io, signal);
      case 'verify':
        return await verifyCommand(rest, io);
      case 'due':
        return await dueCommand(rest, io);
      case 'login':
        return await loginCommand(rest, io);
      case 'handover':
        return await handoverCommand(rest, io, signal);
      case 'receipt':
        return await receiptCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kanalarkiv: ${error.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
