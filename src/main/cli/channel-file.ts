import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KanalarkivError } from '../../shared/errors';
import { ChannelListError, parseChannelList, type ChannelList } from '../register/channels';
import { decodeText } from '../register/encoding';
import { readRegister, REGISTER_FILE, registerFile } from '../register/register-file';
import { readSharedSettings, type SharedSettings } from '../archive/shared-settings';
import { DEFAULT_ROUNDS, parseRounds } from '../rounds/rounds';
import type { RoundDefinition } from '../../shared/rounds';

/** Reads a channel file for a command; a string is what is wrong with it, for the user. */
export async function loadChannelFile(file: string): Promise<ChannelList | string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return `cannot read the channel file "${file}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`;
  }
  try {
    return parseChannelList(decodeText(bytes).text, path.basename(file));
  } catch (error) {
    if (error instanceof KanalarkivError) return `the channel file "${file}": ${error.message}`;
    if (!(error instanceof ChannelListError)) throw error;
    const lines = error.issues.map((i) => `  ${i.entry}, field "${i.field}": ${i.message}`);
    return `the channel file "${file}" has errors; fix them and run again:\n${lines.join('\n')}`;
  }
}

/**
 * The channels a command works on: those of --channels FILE, else the archive's own register (the
 * one the app and every other user of the archive share). A string is what is wrong, for the user.
 */
export async function loadChannels(file: string | undefined, archiveDir: string | undefined): Promise<ChannelList | string> {
  if (file) return loadChannelFile(file);
  if (!archiveDir) return 'give --archive DIR (its channel register is used) or --channels FILE.';
  if (!existsSync(registerFile(archiveDir))) {
    return `the archive "${archiveDir}" has no channel register (${REGISTER_FILE}) yet: add channels with "kanalarkiv channels add" or "kanalarkiv channels import FILE", or in the app, or give --channels FILE.`;
  }
  try {
    return { channels: (await readRegister(archiveDir)).channels, warnings: [] };
  } catch (error) {
    if (error instanceof KanalarkivError) return `the archive's channel register: ${error.message}`;
    throw error;
  }
}

/** The archive's shared settings (organisation, rounds, handover), or null when there are none or no archive. */
export async function loadSharedSettings(archiveDir: string | undefined): Promise<SharedSettings | null | string> {
  if (!archiveDir || !existsSync(archiveDir)) return null;
  try {
    return await readSharedSettings(archiveDir);
  } catch (error) {
    if (error instanceof KanalarkivError) return `the archive's shared settings: ${error.message}`;
    throw error;
  }
}

/** The rounds from --rounds, else KANALARKIV_ROUNDS, else the archive's shared settings, else April and September. */
export function loadRounds(spec: string | undefined, shared?: SharedSettings | null): RoundDefinition[] | string {
  const text = spec ?? process.env.KANALARKIV_ROUNDS ?? (shared?.rounds || undefined);
  if (!text) return DEFAULT_ROUNDS;
  try {
    return parseRounds(text);
  } catch (error) {
    return `--rounds: ${(error as Error).message}`;
  }
}
