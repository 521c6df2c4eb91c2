import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CaptureProgress, ChannelResult } from '../../shared/capture';
import { runCapture } from '../capture/run';
import { defaultProfilesRoot } from '../paths';
import { ChannelListError, parseChannelList } from '../register/channels';
import { EXIT, parseOptions, type Io } from './main';

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
    json: { type: 'boolean', default: false },
  });
  const json = values.json;
  const usage = (message: string): number => {
    io.err(`kanalarkiv capture: ${message}\n`);
    if (json) io.out(`${JSON.stringify({ results: [], error: { code: 'invalid_arguments', message } })}\n`);
    return EXIT.usage;
  };

  if (!values.channels) return usage('--channels FILE is required: the list of channels to capture (JSON or CSV).');
  if (!values.archive) return usage('--archive DIR is required: the folder where snapshots are kept.');
  const timeout = positiveInteger(values.timeout ?? '120', '--timeout', 10, 3600);
  const concurrency = positiveInteger(values.concurrency ?? '2', '--concurrency', 1, 16);
  if (typeof timeout === 'string') return usage(timeout);
  if (typeof concurrency === 'string') return usage(concurrency);
  const reason = (values.reason ?? DEFAULT_REASON).trim();
  if (!reason) return usage('--reason must not be empty.');

  let content: string;
  try {
    content = await readFile(values.channels, 'utf8');
  } catch (error) {
    return usage(`cannot read the channel file "${values.channels}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let list;
  try {
    list = parseChannelList(content, path.basename(values.channels));
  } catch (error) {
    if (!(error instanceof ChannelListError)) throw error;
    const lines = error.issues.map((i) => `  ${i.entry}, field "${i.field}": ${i.message}`);
    return usage(`the channel file "${values.channels}" has errors; fix them and run again:\n${lines.join('\n')}`);
  }
  for (const w of list.warnings) io.err(`warning: ${w.entry}, field "${w.field}": ${w.message}\n`);

  let channels = list.channels.filter((c) => c.active);
  if (values.only) {
    const wanted = values.only.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = wanted.filter((id) => !list.channels.some((c) => c.id === id));
    if (unknown.length > 0) return usage(`--only names ${unknown.map((u) => `"${u}"`).join(', ')}, not in the channel file.`);
    // Naming a channel explicitly captures it even when inactive: a closing capture needs that.
    channels = list.channels.filter((c) => wanted.includes(c.id));
  }
  if (channels.length === 0) return usage('no active channels to capture in the channel file.');

  try {
    await mkdir(values.archive, { recursive: true });
    if (!(await stat(values.archive)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    return usage(`cannot use "${values.archive}" as the archive folder (${(error as Error).message}).`);
  }

  io.err(`Capturing ${channels.length} channel(s) into ${path.resolve(values.archive)}\n`);
  const results = await runCapture({
    channels,
    archiveDir: path.resolve(values.archive),
    reason,
    organisation: values.organisation ?? '',
    timeoutMs: timeout * 1000,
    concurrency,
    browserPath: values.browser,
    profilesRoot: values.profiles ?? defaultProfilesRoot(),
    signal,
    onProgress: progressPrinter(io),
  });

  if (json) {
    const plain = results.map(({ channel, status, record, error }) => ({ channel, status, record, error }));
    io.out(`${JSON.stringify({ results: plain })}\n`);
  } else {
    io.out(summary(results));
  }
  if (signal?.aborted) return EXIT.cancelled;
  return results.every((r) => r.status === 'ok') ? EXIT.ok : EXIT.someFailed;
}

function positiveInteger(text: string, name: string, min: number, max: number): number | string {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) return `${name} must be a whole number from ${min} to ${max} (got "${text}").`;
  return n;
}

/** One stderr line per stage change of a channel: enough to follow, not a flood. */
function progressPrinter(io: Io): (p: CaptureProgress) => void {
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
      ? `ok      ${r.channel}  ${r.record}${r.warnings.length ? `\n        warnings: ${r.warnings.join(' | ')}` : ''}`
      : `failed  ${r.channel}  ${r.error?.code}: ${r.error?.message}`,
  );
  const ok = results.filter((r) => r.status === 'ok').length;
  return `${lines.join('\n')}\n${ok} of ${results.length} channel(s) archived.\n`;
}
