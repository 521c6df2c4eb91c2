import path from 'node:path';
import { z } from 'zod';
import { KanalarkivError } from '../../shared/errors';
import { channelSchema } from '../../shared/register';
import { readJsonFile, writeJsonFile } from '../archive/shared-file';
import { checkEntries } from './channels';

/**
 * The municipality's channel register: one JSON file in the archive folder, read and written by the
 * app and the command line of everyone who uses the archive (docs/register.md).
 */
export const REGISTER_FILE = 'kanalregister.json';
/** The name of the archive lock every writer of the register takes (archive/lock.ts). */
export const REGISTER_LOCK = 'register';
const FORMAT = 'kanalarkiv-kanalregister';
/** The version of the file's layout this Kanalarkiv writes; older layouts are migrated when read. */
export const REGISTER_SCHEMA_VERSION = 1;

const storedChannelSchema = channelSchema.extend({
  version: z.number().int().min(1),
  changedAt: z.string(),
  changedBy: z.string(),
});

const registerSchema = z.object({
  format: z.literal(FORMAT),
  schemaVersion: z.literal(REGISTER_SCHEMA_VERSION),
  /** One more with every write: a reader can tell whether the file changed since it last read it. */
  revision: z.number().int().min(0),
  channels: z.array(storedChannelSchema),
});
export type RegisterDocument = z.infer<typeof registerSchema>;

export const emptyRegister = (): RegisterDocument => ({ format: FORMAT, schemaVersion: REGISTER_SCHEMA_VERSION, revision: 0, channels: [] });

export const registerFile = (archiveDir: string) => path.join(archiveDir, REGISTER_FILE);

/**
 * Each older layout's step to the next. Version 0 is a plain channel list (a JSON array, or
 * {"channels": [...]}, as a channel file for `--channels`) put in the archive by hand.
 */
const MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  0: (old) => {
    const list = Array.isArray(old) ? old : (old as { channels?: unknown[] }).channels ?? [];
    const { channels, issues } = checkEntries(list.map((value, i) => ({ label: `entry ${i + 1}`, value })));
    if (issues.length > 0) throw new KanalarkivError('register_unreadable', `${REGISTER_FILE}: ${issues.map((i) => `${i.entry}, field "${i.field}": ${i.message}`).join('; ')}`);
    const at = new Date().toISOString();
    return { ...emptyRegister(), channels: channels.map((c) => ({ ...c, version: 1, changedAt: at, changedBy: '' })) };
  },
};

/** The layout version of a file's content: 0 for a plain channel list. */
function schemaVersionOf(data: unknown): number {
  if (Array.isArray(data)) return 0;
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  return typeof version === 'number' ? version : 0;
}

/** The register in the archive; an empty one when the archive has none yet. */
export async function readRegister(archiveDir: string): Promise<RegisterDocument> {
  let data: unknown;
  try {
    data = await readJsonFile(registerFile(archiveDir));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new KanalarkivError('register_unreadable', `${REGISTER_FILE} is not valid JSON (${error.message})`);
  }
  if (data === undefined) return emptyRegister();
  let version = schemaVersionOf(data);
  if (version > REGISTER_SCHEMA_VERSION) {
    throw new KanalarkivError('register_too_new', `${REGISTER_FILE} has layout version ${version}; this Kanalarkiv reads up to ${REGISTER_SCHEMA_VERSION}`);
  }
  for (; version < REGISTER_SCHEMA_VERSION; version++) data = MIGRATIONS[version]!(data);
  const parsed = registerSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KanalarkivError('register_unreadable', `${REGISTER_FILE}: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Replaces the register file whole. Only under the register lock (register.ts). */
export async function writeRegister(archiveDir: string, document: RegisterDocument): Promise<void> {
  await writeJsonFile(registerFile(archiveDir), document);
}

