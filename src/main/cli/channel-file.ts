import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KanalarkivError } from '../../shared/errors';
import { ChannelListError, parseChannelList, type ChannelList } from '../register/channels';
import { decodeText } from '../register/encoding';
import { readRegister, REGISTER_FILE, registerFile } from '../register/register-file';
import { readSharedSettings, type SharedSettings } from '../archive/shared-settings';
import { roundsInForce } from '../pipeline/defaults';
import type { RoundDefinition } from '../../shared/rounds';
import { entryText, failureText, issueText } from './messages';
import type { Translate } from '../messages';

/** Reads a channel file for a command; a string is what is wrong with it, for the user. */
export async function loadChannelFile(file: string, t: Translate): Promise<ChannelList | string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return t('cli.channelFileUnreadable', { file, detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  try {
    return parseChannelList(decodeText(bytes).text, path.basename(file));
  } catch (error) {
    if (error instanceof KanalarkivError) return t('cli.channelFileProblem', { file, problem: failureText(t, error) });
    if (!(error instanceof ChannelListError)) throw error;
    return `${t('cli.channelFileErrors', { file })}\n${issueLines(t, error.issues)}`;
  }
}

/** The problems of a channel list, one line each, naming the row and the field. */
export function issueLines(t: Translate, issues: Array<{ entry: string; field: string; code: string; message: string }>): string {
  return issues.map((i) => `  ${t('cli.issueLine', { entry: entryText(t, i.entry), field: i.field, text: issueText(t, i) })}`).join('\n');
}

/**
 * The channels a command works on: those of --channels FILE, else the archive's own register (the
 * one the app and every other user of the archive share). A string is what is wrong, for the user.
 */
export async function loadChannels(file: string | undefined, archiveDir: string | undefined, t: Translate): Promise<ChannelList | string> {
  if (file) return loadChannelFile(file, t);
  if (!archiveDir) return t('cli.needChannels');
  if (!existsSync(registerFile(archiveDir))) return t('cli.noRegister', { dir: archiveDir, file: REGISTER_FILE });
  try {
    return { channels: (await readRegister(archiveDir)).channels, warnings: [] };
  } catch (error) {
    if (error instanceof KanalarkivError) return t('cli.registerProblem', { problem: failureText(t, error) });
    throw error;
  }
}

/** The archive's shared settings (organisation, rounds, handover), or null when there are none or no archive. */
export async function loadSharedSettings(archiveDir: string | undefined, t: Translate): Promise<SharedSettings | null | string> {
  if (!archiveDir || !existsSync(archiveDir)) return null;
  try {
    return await readSharedSettings(archiveDir);
  } catch (error) {
    if (error instanceof KanalarkivError) return t('cli.sharedProblem', { problem: failureText(t, error) });
    throw error;
  }
}

/** The rounds in force (pipeline/defaults.ts roundsInForce), or what is wrong with them. */
export function loadRounds(spec: string | undefined, shared: SharedSettings | null, t: Translate): RoundDefinition[] | string {
  try {
    return roundsInForce(spec, shared?.rounds ?? '');
  } catch (error) {
    if (!(error instanceof KanalarkivError)) throw error;
    return t('cli.roundsProblem', { problem: failureText(t, error) });
  }
}
