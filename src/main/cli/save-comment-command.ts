import path from 'node:path';
import { existsSync } from 'node:fs';
import { commentReasons } from '../archive/comment-reasons';
import { runCapture } from '../pipeline/run';
import { defaultProfilesRoot } from '../paths';
import { positiveInteger, progressPrinter, report } from './capture-command';
import { loadChannels, loadSharedSettings } from './channel-file';
import { EXIT, parseOptions, useArchive, type Io } from './options';
import { tsaUrlFlag } from './tsa-options';
import { RUN_DEFAULTS } from '../pipeline/defaults';

/**
 * `kanalarkiv save-comment`: saves one comment or post of a channel, with why, as a record in the
 * archive, before it is removed (or to register it). Results and exit codes as `capture`.
 */
export async function saveCommentCommand(args: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    archive: { type: 'string' },
    channels: { type: 'string' },
    channel: { type: 'string' },
    reason: { type: 'string' },
    note: { type: 'string' },
    selector: { type: 'string' },
    answer: { type: 'string' },
    pick: { type: 'boolean', default: false },
    by: { type: 'string' },
    timeout: { type: 'string' },
    browser: { type: 'string' },
    organisation: { type: 'string' },
    profiles: { type: 'string' },
    tsa: { type: 'string' },
    reasons: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  }, true);
  if (values.reasons) {
    // With --archive, the archive's own reasons too.
    const reasons = values.archive && existsSync(values.archive) ? await commentReasons(values.archive) : await commentReasons(null);
    io.out(values.json ? `${JSON.stringify({ reasons })}\n` : `${reasons.map((r) => `${r.code.padEnd(26)}${r.sv}`).join('\n')}\n`);
    return EXIT.ok;
  }
  const json = values.json;
  const { t } = io;
  const usage = (message: string): number => {
    io.err(`kanalarkiv save-comment: ${message}\n`);
    if (json) io.out(`${JSON.stringify({ results: [], error: { code: 'invalid_arguments', message } })}\n`);
    return EXIT.usage;
  };

  const link = positionals[0];
  if (!link || positionals.length > 1) return usage(t('cli.oneUrl'));
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return usage(t('cli.notUrl', { link: link.slice(0, 200) }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return usage(t('cli.notHttp', { link: link.slice(0, 200) }));
  if (!values.archive) return usage(t('cli.recordsArchiveRequired'));
  const tsa = tsaUrlFlag(values.tsa, t);
  if ('problem' in tsa) return usage(tsa.problem);
  if (!values.channel) return usage(t('cli.channelRequired'));
  if (values.answer !== undefined && !URL.canParse(values.answer)) return usage(t('cli.answerNotUrl', { answer: values.answer.slice(0, 200) }));
  const timeout = positiveInteger(values.timeout ?? String(RUN_DEFAULTS.commentTimeoutMs / 1000), '--timeout', 10, 3600, t);
  if (typeof timeout === 'string') return usage(timeout);

  const list = await loadChannels(values.channels, values.archive, t);
  if (typeof list === 'string') return usage(list);
  const shared = await loadSharedSettings(values.archive, t);
  if (typeof shared === 'string') return usage(shared);
  const channel = list.channels.find((c) => c.id === values.channel);
  if (!channel) return usage(t(values.channels ? 'cli.channelUnknown_file' : 'cli.channelUnknown_register', { id: values.channel }));
  const archiveProblem = await useArchive(values.archive, t);
  if (archiveProblem) return usage(archiveProblem);
  const reason = (await commentReasons(values.archive)).find((r) => r.code === values.reason);
  if (!reason) return usage(t('cli.reasonUnknown', { reason: values.reason ?? '' }));

  io.err(t('cli.savingComment', { url: url.href, channel: channel.id, dir: path.resolve(values.archive) }));
  const results = await runCapture({
    channels: [channel],
    archiveDir: path.resolve(values.archive),
    reason: reason.sv,
    organisation: values.organisation ?? shared?.organisation ?? '',
    timeoutMs: timeout * 1000,
    concurrency: 1,
    browserPath: values.browser,
    profilesRoot: values.profiles ?? defaultProfilesRoot(),
    tsaUrl: tsa.url ?? (shared?.tsaUrl || undefined),
    signal,
    onProgress: progressPrinter(io),
    comment: { url: url.href, selector: values.selector?.trim() || null, answer: values.answer ?? null, pick: values.pick, reason: { code: reason.code, label: reason.sv }, note: (values.note ?? '').trim(), savedBy: (values.by ?? '').trim() },
  });
  return report(results, io, json, signal, [channel]);
}
