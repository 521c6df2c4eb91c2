import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KanalarkivError } from '../../shared/errors';
import { ChannelListError, parseChannelList, type ChannelList } from '../register/channels';
import { decodeText } from '../register/encoding';
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

/** The rounds from --rounds, else KANALARKIV_ROUNDS, else April and September. */
export function loadRounds(spec: string | undefined): RoundDefinition[] | string {
  const text = spec ?? process.env.KANALARKIV_ROUNDS;
  if (!text) return DEFAULT_ROUNDS;
  try {
    return parseRounds(text);
  } catch (error) {
    return `--rounds: ${(error as Error).message}`;
  }
}
