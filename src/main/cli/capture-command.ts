import path from 'node:path';
import type { CaptureProgress, ChannelResult } from '../../shared/capture';
import { warningText } from '../../shared/capture-warnings';
import type { Channel } from '../../shared/channel';
import { runCapture } from '../pipeline/run';
import { defaultProfilesRoot } from '../paths';
import { loadChannels, loadRounds, loadSharedSettings } from './channel-file';
import { entryText, failureText, issueText, roundName } from './messages';
import type { Translate } from '../messages';
import { EXIT, parseOptions, useArchive, type Io } from './options';
import { tsaUrlFlag } from './tsa-options';
import { RUN_DEFAULTS } from '../pipeline/defaults';
import { planCapture } from '../pipeline/capture-plan';

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
    tsa: { type: 'string' },
    rounds: { type: 'string' },
    due: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const json = values.json;
  const { t } = io;
  const usage = (message: string): number => {
    io.err(`kanalarkiv capture: ${message}\n`);
    if (json) io.out(`${JSON.stringify({ results: [], error: { code: 'invalid_arguments', message } })}\n`);
    return EXIT.usage;
  };

  if (!values.archive) return usage(t('cli.archiveRequired'));
  const tsa = tsaUrlFlag(values.tsa, t);
  if ('problem' in tsa) return usage(tsa.problem);
  const timeout = positiveInteger(values.timeout ?? String(RUN_DEFAULTS.channelTimeoutMs / 1000), '--timeout', 10, 3600, t);
  const concurrency = positiveInteger(values.concurrency ?? String(RUN_DEFAULTS.concurrency), '--concurrency', 1, 16, t);
  if (typeof timeout === 'string') return usage(timeout);
  if (typeof concurrency === 'string') return usage(concurrency);
  const reason = (values.reason ?? DEFAULT_REASON).trim();
  if (!reason) return usage(t('cli.reasonEmpty'));

  const list = await loadChannels(values.channels, values.archive, t);
  if (typeof list === 'string') return usage(list);
  const shared = await loadSharedSettings(values.archive, t);
  if (typeof shared === 'string') return usage(shared);
  const rounds = loadRounds(values.rounds, shared, t);
  if (typeof rounds === 'string') return usage(rounds);
  for (const w of list.warnings) io.err(`${t('cli.warningLine', { entry: entryText(t, w.entry), field: w.field, text: issueText(t, w) })}\n`);

  let channels = list.channels.filter((c) => c.active);
  if (values.only) {
    const wanted = values.only.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = wanted.filter((id) => !list.channels.some((c) => c.id === id));
    if (unknown.length > 0) return usage(t(values.channels ? 'cli.onlyUnknown_file' : 'cli.onlyUnknown_register', { ids: unknown.map((u) => `"${u}"`).join(', ') }));
    // Naming a channel explicitly captures it even when inactive: a closing capture needs that.
    channels = list.channels.filter((c) => wanted.includes(c.id));
  }
  if (channels.length === 0) return usage(t(values.channels ? 'cli.noActive_file' : 'cli.noActive_register'));

  const archiveProblem = await useArchive(values.archive, t);
  if (archiveProblem) return usage(archiveProblem);

  const plan = await planCapture(values.archive, channels, rounds, { due: values.due });
  if (plan.channels.length === 0) {
    io.err(t('cli.nothingDue', { round: roundName(t, plan.current.name) }));
    io.out(json ? `${JSON.stringify({ results: [] })}\n` : t('cli.nothingDueShort', { round: roundName(t, plan.current.name) }));
    return EXIT.ok;
  }
  const named = [...new Set(plan.channels.map((c) => plan.run.roundOf?.(c)))].filter((name) => typeof name === 'string');
  io.err(t('cli.capturing', { count: plan.channels.length, dir: path.resolve(values.archive), rounds: named.length ? t('cli.forRounds', { rounds: named.map((name) => roundName(t, name)).join(', ') }) : '' }));
  const results = await runCapture({
    ...plan.run,
    channels: plan.channels,
    archiveDir: path.resolve(values.archive),
    reason,
    organisation: values.organisation ?? shared?.organisation ?? '',
    timeoutMs: timeout * 1000,
    concurrency,
    browserPath: values.browser,
    profilesRoot: values.profiles ?? defaultProfilesRoot(),
    tsaUrl: tsa.url ?? (shared?.tsaUrl || undefined),
    signal,
    onProgress: progressPrinter(io),
  });

  return report(results, io, json, signal, plan.channels);
}

/** Prints the results (one JSON object with --json) and gives the exit status. */
export function report(results: ChannelResult[], io: Io, json: boolean, signal: AbortSignal | undefined, channels: Channel[]): number {
  if (json) {
    // "record" is the snapshot's bag folder, under the name scripts know (README, "Command line").
    const plain = results.map(({ channel, status, bag, error, warnings }) => ({ channel, status, record: bag, error, warnings }));
    io.out(`${JSON.stringify({ results: plain })}\n`);
  } else {
    io.out(summary(results, io, channels));
  }
  if (signal?.aborted) return EXIT.cancelled;
  return results.every((r) => r.status === 'ok') ? EXIT.ok : EXIT.someFailed;
}

export function positiveInteger(text: string, name: string, min: number, max: number, t: Translate): number | string {
  // Digits only: Number() would take "0x20" as 32 and " 1e2 " as 100.
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) return t('cli.wholeNumber', { name, min, max, text });
  return n;
}

/** One stderr line per stage change of a channel: enough to follow, not a flood. */
export function progressPrinter(io: Io): (p: CaptureProgress) => void {
  const last = new Map<string, string>();
  return (p) => {
    if (p.stage === 'queued' || last.get(p.channelId) === p.stage) return;
    last.set(p.channelId, p.stage);
    io.err(`[${p.channelId}] ${io.t(`stage.${p.stage}`)}${p.attempt > 1 ? io.t('cli.attempt', { n: p.attempt }) : ''}\n`);
  };
}

function summary(results: ChannelResult[], { t }: Io, channels: Channel[]): string {
  const platformOf = (id: string) => t(`platform.${channels.find((c) => c.id === id)?.platform ?? 'web'}`);
  const lines = results.map((r) =>
    r.status === 'ok'
      ? `${t('cli.ok')}${r.channel}  ${r.bag}${r.warnings.length ? `\n            ${t('cli.warnings', { list: r.warnings.map((w) => warningText(w, t.language)).join(' | ') })}` : ''}`
      : `${t('cli.failed')}${r.channel}  ${r.error ? failureText(t, r.error, { platform: platformOf(r.channel) }).replaceAll('\n', '\n          ') : ''}`,
  );
  const ok = results.filter((r) => r.status === 'ok').length;
  return `${lines.join('\n')}\n${t('cli.archived', { ok, count: results.length })}\n`;
}
