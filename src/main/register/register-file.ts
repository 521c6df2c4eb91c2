import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { KanalarkivError } from '../../shared/errors';
import { channelSchema, type RegisteredChannel } from '../../shared/register';
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

/** Fields a person added by hand (a channel's kostnadsställe, a note at the top) are kept through every rewrite: loose objects. */
const storedChannelSchema = channelSchema.extend({
  version: z.number().int().min(1),
  changedAt: z.string(),
  changedBy: z.string(),
}).loose();

const registerSchema = z.looseObject({
  format: z.literal(FORMAT),
  schemaVersion: z.literal(REGISTER_SCHEMA_VERSION),
  /** One more with every write: a reader can tell whether the file changed since it last read it. */
  revision: z.number().int().min(0),
  channels: z.array(storedChannelSchema),
});

/** A register of thousands of channels is a few megabytes; a file far larger is not one, and reading it whole could fail. */
export const MAX_REGISTER_BYTES = 64 * 1024 * 1024;
/** The register as the code uses it; fields added by hand ride along unseen in the same objects. */
export interface RegisterDocument {
  format: typeof FORMAT;
  schemaVersion: typeof REGISTER_SCHEMA_VERSION;
  revision: number;
  channels: RegisteredChannel[];
}

/** The fields of a stored channel that Kanalarkiv does not know (added by hand), to keep when it is changed. */
export function unknownFields(channel: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(channel).filter(([key]) => !(key in storedChannelSchema.shape)));
}

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

/**
 * The layout version of a file's content: 0 for a plain channel list. Anything else that parses as
 * JSON (a number, a string, null, an object without a list of channels, a version that is no whole
 * number) is no register, and is refused: it must never be read as an empty one and written over.
 */
function schemaVersionOf(data: unknown): number {
  if (Array.isArray(data)) return 0;
  if (data === null || typeof data !== 'object') throw unreadable(`holds ${data === null ? 'null' : `a ${typeof data}`}, not a channel register`);
  const { schemaVersion, channels } = data as { schemaVersion?: unknown; channels?: unknown };
  if (schemaVersion === undefined) {
    if (!Array.isArray(channels)) throw unreadable('has neither a schemaVersion nor a "channels" list, so it is not a channel register');
    return 0;
  }
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) throw unreadable(`has schemaVersion ${JSON.stringify(schemaVersion)}, which is no layout version (a whole number from 1)`);
  return schemaVersion;
}

const unreadable = (detail: string, params: Record<string, string> = {}) => new KanalarkivError('register_unreadable', `${REGISTER_FILE} ${detail}`, params);

/** The register in the archive; an empty one when the archive has none yet. */
export async function readRegister(archiveDir: string): Promise<RegisterDocument> {
  const file = registerFile(archiveDir);
  const size = await stat(file).then((s) => s.size, () => 0);
  if (size > MAX_REGISTER_BYTES) throw unreadable(`is ${Math.round(size / 1024 / 1024)} MB, far more than a channel register; it is probably another file`, { what: 'too_big', size: `${Math.round(size / 1024 / 1024)} MB` });
  let data: unknown;
  try {
    data = await readJsonFile(file);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw unreadable(`is not valid JSON (${error.message})`);
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
  const duplicates = duplicateIds(parsed.data.channels);
  // An edit of one of them would replace both: the file must be mended by a person first.
  if (duplicates) throw unreadable(`has more than one channel with the same id: ${duplicates}`, { what: 'duplicate', ids: duplicates });
  return parsed.data as RegisterDocument;
}

/** The ids used by more than one channel, each with where (channels[0] and channels[3]), or '' when none is. */
function duplicateIds(channels: Array<{ id: string }>): string {
  const at = new Map<string, number[]>();
  channels.forEach((c, i) => at.set(c.id.toLowerCase(), [...(at.get(c.id.toLowerCase()) ?? []), i]));
  return [...at].filter(([, places]) => places.length > 1).map(([, places]) => `"${channels[places[0]!]!.id}" (${places.map((i) => `channels[${i}]`).join(', ')})`).join('; ');
}

/** Replaces the register file whole. Only under the register lock (register.ts). */
export async function writeRegister(archiveDir: string, document: RegisterDocument): Promise<void> {
  await writeJsonFile(registerFile(archiveDir), document);
}

