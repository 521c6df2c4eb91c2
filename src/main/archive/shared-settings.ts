import path from 'node:path';
import { z } from 'zod';
import { KanalarkivError } from '../../shared/errors';
import { DEFAULT_HANDOVER_SETTINGS, handoverSettingsSchema, type HandoverSettings } from '../../shared/handover';
import { TSA_ROOTS_MAX } from '../../shared/settings';
import { LockBusyError, lockParams, withArchiveLock } from './lock';
import { readJsonFile, writeJsonFile } from './shared-file';

/**
 * The settings everyone using an archive must share, kept in the archive folder beside the register:
 * the organisation, the capture rounds and the handover targets. Personal ones (language, browser,
 * login profiles, passwords and sign-ins) stay with each user (docs/register.md).
 */
export const SHARED_SETTINGS_FILE = 'gemensamma-installningar.json';
const LOCK = 'settings';
const WAIT_MS = 15_000;
const FORMAT = 'kanalarkiv-installningar';
const SCHEMA_VERSION = 1;

/** Who hands over is the person at the desk, not the archive's: it stays personal. */
export type SharedHandoverSettings = Omit<HandoverSettings, 'registrar'>;

export interface SharedSettings {
  organisation: string;
  /** The capture rounds as in the settings ("april:04-01..04-30,…"); empty for April and September. */
  rounds: string;
  handover: SharedHandoverSettings;
  /** The time-stamping authority that stamps every record (RFC 3161); empty for none. */
  tsaUrl: string;
  /** The root certificates (PEM) the authorities' stamps are checked against; empty for none. */
  tsaRoots: string;
}

const fileSchema = z.object({
  format: z.literal(FORMAT),
  schemaVersion: z.number().int(),
  revision: z.number().int().min(0),
  organisation: z.string().max(500),
  rounds: z.string().max(1_000),
  handover: z.record(z.string(), z.unknown()),
  tsaUrl: z.string().max(2_000).default(''),
  tsaRoots: z.string().max(TSA_ROOTS_MAX).default(''),
});

const sharedHandoverSchema = handoverSettingsSchema.omit({ registrar: true });

const file = (archiveDir: string) => path.join(archiveDir, SHARED_SETTINGS_FILE);

/** What an archive without shared settings has: no organisation, April and September, no handover targets. */
export const noSharedSettings = (): SharedSettings => ({ organisation: '', rounds: '', handover: withoutRegistrar(DEFAULT_HANDOVER_SETTINGS), tsaUrl: '', tsaRoots: '' });

/** Handover settings as saved (perhaps by an earlier version, with fields missing), filled in with the defaults. */
export function withHandoverDefaults(saved: Partial<HandoverSettings>): SharedHandoverSettings {
  return withoutRegistrar({
    ...DEFAULT_HANDOVER_SETTINGS,
    ...saved,
    platina: { ...DEFAULT_HANDOVER_SETTINGS.platina, ...saved.platina },
    email: { ...DEFAULT_HANDOVER_SETTINGS.email, ...saved.email },
  });
}

/** The archive's shared settings, or null when it has none yet (an archive made before 0.3, or a new one). */
export async function readSharedSettings(archiveDir: string): Promise<SharedSettings | null> {
  const document = await readDocument(archiveDir);
  return document && settingsOf(document);
}

function settingsOf(document: z.infer<typeof fileSchema>): SharedSettings {
  const handover = sharedHandoverSchema.safeParse(withHandoverDefaults(document.handover as Partial<HandoverSettings>));
  if (!handover.success) throw unreadable(`handover.${handover.error.issues[0]!.path.join('.')}: ${handover.error.issues[0]!.message}`);
  return { organisation: document.organisation, rounds: document.rounds, handover: handover.data, tsaUrl: document.tsaUrl, tsaRoots: document.tsaRoots };
}

/** Changes the shared settings under the archive's settings lock, from the file as it is then. */
export async function updateSharedSettings(archiveDir: string, change: (current: SharedSettings) => SharedSettings): Promise<SharedSettings> {
  try {
    return await withArchiveLock(archiveDir, LOCK, WAIT_MS, async () => {
      const before = await readDocument(archiveDir);
      const next = change(before ? settingsOf(before) : noSharedSettings());
      await writeJsonFile(file(archiveDir), { format: FORMAT, schemaVersion: SCHEMA_VERSION, revision: (before?.revision ?? 0) + 1, ...next, handover: withoutRegistrar(next.handover) });
      return next;
    });
  } catch (error) {
    if (error instanceof LockBusyError) throw new KanalarkivError('register_busy', `the shared settings were busy for ${WAIT_MS / 1000} s (${error.message})`, lockParams(error));
    throw error;
  }
}

export function withoutRegistrar(settings: SharedHandoverSettings & { registrar?: string }): SharedHandoverSettings {
  const { registrar: _personal, ...shared } = settings;
  return shared;
}

async function readDocument(archiveDir: string): Promise<z.infer<typeof fileSchema> | null> {
  let data: unknown;
  try {
    data = await readJsonFile(file(archiveDir));
  } catch (error) {
    if (error instanceof SyntaxError) throw unreadable(`not valid JSON (${error.message})`);
    throw error;
  }
  if (data === undefined) return null;
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) throw unreadable(`${parsed.error.issues[0]!.path.join('.') || 'the file'}: ${parsed.error.issues[0]!.message}`);
  if (parsed.data.schemaVersion > SCHEMA_VERSION) {
    throw new KanalarkivError('register_too_new', `${SHARED_SETTINGS_FILE} has layout version ${parsed.data.schemaVersion}; this Kanalarkiv reads up to ${SCHEMA_VERSION}`);
  }
  return parsed.data;
}

const unreadable = (detail: string) => new KanalarkivError('settings_unreadable', `${SHARED_SETTINGS_FILE}: ${detail}`);
