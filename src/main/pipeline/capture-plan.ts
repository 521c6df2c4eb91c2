import type { Channel } from '../../shared/channel';
import type { Round, RoundDefinition } from '../../shared/rounds';
import { readCatalogue } from '../archive/catalogue';
import { currentRound, dueChannels, roundsForCapture } from '../rounds/rounds';
import type { CaptureRunOptions } from './run';

/** What a capture run is to do, decided at one moment for the app and the command line alike. */
export interface CapturePlan {
  /** The channels to capture: those given, or with `due` only those the current round still needs. */
  channels: Channel[];
  /** The round the plan was made in. */
  current: Round;
  /** What runCapture takes of the plan. */
  run: Pick<CaptureRunOptions, 'roundOf' | 'snapshots' | 'stillNeeded'>;
}

/**
 * Plans a capture of `channels`: reads the archive's catalogue once, decides each channel's round
 * (the open round, or the last one for a channel that still needs it), and with `due` keeps only
 * the channels the current round needs, checking each again just before it is captured, since
 * another run (a second scheduled task, the app) may take one meanwhile.
 */
export async function planCapture(archiveDir: string, channels: Channel[], rounds: RoundDefinition[], options: { due?: boolean; at?: Date } = {}): Promise<CapturePlan> {
  // One reading of the clock and the catalogue, so every decision is about the same moment.
  const at = options.at ?? new Date();
  const { snapshots } = await readCatalogue(archiveDir);
  const current = currentRound(rounds, at);
  const chosen = options.due ? dueChannels(channels, snapshots, current, at) : channels;
  const roundOf = roundsForCapture(rounds, at, chosen, snapshots);
  const stillDue = async (channel: Channel) => dueChannels([channel], (await readCatalogue(archiveDir, channel.id)).snapshots, current, new Date()).length > 0;
  return {
    channels: chosen,
    current,
    run: { roundOf: (channel) => roundOf.get(channel.id) ?? null, snapshots, stillNeeded: options.due ? stillDue : undefined },
  };
}
