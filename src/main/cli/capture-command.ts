import path from 'node:path';
import type { CaptureProgress, ChannelResult } from '../../shared/capture';
import { warningText } from '../../shared/capture-warnings';
import type { Channel } from '../../shared/channel';
import { readCatalogue } from '../archive/catalogue';
import { runCapture } from '../pipeline/run';
import { defaultProfilesRoot } from '../paths';
import { currentRound, dueChannels, roundsForCapture } from '../rounds/rounds';
import { loadChannels, loadRounds, loadSharedSettings } from './channel-file';
import { EXIT, parseOptions, useArchive, type Io } from './options';

const DEFAULT_REASON = 'Regelbunden ögonblicksbild';

export async function captureCommand(args: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const { values } = parseOptions(args, {
    channels: { type: 'string' },
    archive: { type: 'string' },
    only: { type: 'string' },
    reason: { type: 'string' },
    timeout: { type: 'string' },
    concurrency: { type: 'string' },
    browser: { type: 'string' },
    organisation: { type: 'string' },
    profiles: { type: 'string' },
    rounds: { type: 'string' },
    due: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const json = values.json;
  const usage = (message: string): number => {
    io.err(`kanalarkiv capture: ${message}\n`);
    if (json) io.out(`${JSON.stringify({ results: [], error: { code: 'invalid_arguments', message } })}\n`);
    return EXIT.usage;
  };

  if (!values.archive) return usage('--archive DIR is required: the folder where snapshots are kept.');
  const timeout = positiveInteger(values.timeout ?? '120', '--timeout', 10, 3600);
  const concurrency = positiveInteger(values.concurrency ?? '2', '--concurrency', 1, 16);
  if (typeof timeout === 'string') return usage(timeout);
  if (typeof concurrency === 'string') return usage(concurrency);
  const reason = (values.reason ?? DEFAULT_REASON).trim();
  if (!reason) return usage('--reason must not be empty.');

  const list = await loadChannels(values.channels, values.archive);
  if (typeof list === 'string') return usage(list);
  const shared = await loadSharedSettings(values.archive);
  if (typeof shared === 'string') return usage(shared);
  const rounds = loadRounds(values.rounds, shared);
  if (typeof rounds === 'string') return usage(rounds);
  for (const w of list.warnings) io.err(`warning: ${w.entry}, field "${w.field}": ${w.message}\n`);

  let channels = list.channels.filter((c) => c.active);
  if (values.only) {
    const wanted = values.only.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = wanted.filter((id) => !list.channels.some((c) => c.id === id));
    if (unknown.length > 0) return usage(`--only names ${unknown.map((u) => `"${u}"`).join(', ')}, not in the ${values.channels ? 'channel file' : 'register'}.`);
    // Naming a channel explicitly captures it even when inactive: a closing capture needs that.
    channels = list.channels.filter((c) => wanted.includes(c.id));
  }
  if (channels.length === 0) return usage(`no active channels to capture in the ${values.channels ? 'channel file' : 'register'}.`);

  const archiveProblem = await useArchive(values.archive);
  if (archiveProblem) return usage(archiveProblem);

  const now = new Date();
  const { snapshots } = await readCatalogue(values.archive);
  const current = currentRound(rounds, now);
  // Another run (a second scheduled task, the app) may take a due channel's snapshot meanwhile.
  const stillDue = async (channel: Channel) => dueChannels([channel], (await readCatalogue(values.archive!, channel.id)).snapshots, current, new Date()).length > 0;
  if (values.due) {
    channels = dueChannels(channels, snapshots, current, now);
    if (channels.length === 0) {
      io.err(`Nothing is due in round ${current.name}: every channel has its snapshot.\n`);
      io.out(json ? `${JSON.stringify({ results: [] })}\n` : `Nothing is due in round ${current.name}.\n`);
      return EXIT.ok;
    }
  }

  const roundOf = roundsForCapture(rounds, now, channels, snapshots);
  const named = [...new Set(roundOf.values())].filter(Boolean);
  io.err(`Capturing ${channels.length} channel(s) into ${path.resolve(values.archive)}${named.length ? ` for round ${named.join(', ')}` : ''}\n`);
  const results = await runCapture({
    channels,
    archiveDir: path.resolve(values.archive),
    reason,
    roundOf: (channel) => roundOf.get(channel.id) ?? null,
    stillNeeded: values.due ? stillDue : undefined,
    snapshots,
    organisation: values.organisation ?? shared?.organisation ?? '',
    timeoutMs: timeout * 1000,
    concurrency,
    browserPath: values.browser,
    profilesRoot: values.profiles ?? defaultProfilesRoot(),
    signal,
    onProgress: progressPrinter(io),
  });

  return report(results, io, json, signal);
}

/** Prints the results (one JSON object with --json) and gives the exit status. */
export function report(results: ChannelResult[], io: Io, json: boolean, signal?: AbortSignal): number {
  if (json) {
    // "record" is the snapshot's bag folder, under the name scripts know (README, "Command line").
    const plain = results.map(({ channel, status, bag, error, warnings }) => ({ channel, status, record: bag, error, warnings }));
    io.out(`${JSON.stringify({ results: plain })}\n`);
  } else {
    io.out(summary(results));
  }
  if (signal?.aborted) return EXIT.cancelled;
  return results.every((r) => r.status === 'ok') ? EXIT.ok : EXIT.someFailed;
}

export function positiveInteger(text: string, name: string, min: number, max: number): number | string {
  // Digits only: Number() would take "0x20" as 32 and " 1e2 " as 100.
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) return `${name} must be a whole number from ${min} to ${max} (got "${text}").`;
  return n;
}

/** One stderr line per stage change of a channel: enough to follow, not a flood. */
export function progressPrinter(io: Io): (p: CaptureProgress) => void {
  const last = new Map<string, string>();
  return (p) => {
    if (p.stage === 'queued' || last.get(p.channelId) === p.stage) return;
    last.set(p.channelId, p.stage);
    io.err(`[${p.channelId}] ${p.stage}${p.attempt > 1 ? ` (attempt ${p.attempt})` : ''}\n`);
  };
}

function summary(results: ChannelResult[]): string {
  const lines = results.map((r) =>
    r.status === 'ok'
      ? `ok      ${r.channel}  ${r.bag}${r.warnings.length ? `\n        warnings: ${r.warnings.map((w) => warningText(w, 'en')).join(' | ')}` : ''}`
      : `failed  ${r.channel}  ${r.error?.code}: ${r.error?.message}`,
  );
  const ok = results.filter((r) => r.status === 'ok').length;
  return `${lines.join('\n')}\n${ok} of ${results.length} channel(s) archived.\n`;
}
