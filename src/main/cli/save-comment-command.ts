import path from 'node:path';
import { existsSync } from 'node:fs';
import { commentReasons } from '../archive/comment-reasons';
import { runCapture } from '../pipeline/run';
import { defaultProfilesRoot } from '../paths';
import { positiveInteger, progressPrinter, report } from './capture-command';
import { loadChannels, loadSharedSettings } from './channel-file';
import { EXIT, parseOptions, useArchive, type Io } from './options';

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
  const usage = (message: string): number => {
    io.err(`kanalarkiv save-comment: ${message}\n`);
    if (json) io.out(`${JSON.stringify({ results: [], error: { code: 'invalid_arguments', message } })}\n`);
    return EXIT.usage;
  };

  const link = positionals[0];
  if (!link || positionals.length > 1) return usage('give exactly one URL: the link to the comment or post.');
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return usage(`"${link.slice(0, 200)}" is not a web address; copy the comment's link from the browser.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return usage(`"${link.slice(0, 200)}" is not a web page address (http or https).`);
  if (!values.archive) return usage('--archive DIR is required: the folder where records are kept.');
  if (!values.channel) return usage('--channel ID is required: the channel the comment was written on.');
  if (values.answer !== undefined && !URL.canParse(values.answer)) return usage(`--answer must be the link to the answer (a reply in the comment's thread), not "${values.answer.slice(0, 200)}".`);
  const timeout = positiveInteger(values.timeout ?? '90', '--timeout', 10, 3600);
  if (typeof timeout === 'string') return usage(timeout);

  const list = await loadChannels(values.channels, values.archive);
  if (typeof list === 'string') return usage(list);
  const shared = await loadSharedSettings(values.archive);
  if (typeof shared === 'string') return usage(shared);
  const channel = list.channels.find((c) => c.id === values.channel);
  if (!channel) return usage(`--channel "${values.channel}" is not in the ${values.channels ? 'channel file' : 'register'}.`);
  const archiveProblem = await useArchive(values.archive);
  if (archiveProblem) return usage(archiveProblem);
  const reason = (await commentReasons(values.archive)).find((r) => r.code === values.reason);
  if (!reason) return usage(`--reason must be one of the codes "kanalarkiv save-comment --reasons --archive DIR" lists (got "${values.reason ?? ''}").`);

  io.err(`Saving the comment at ${url.href} of ${channel.id} into ${path.resolve(values.archive)}\n`);
  const results = await runCapture({
    channels: [channel],
    archiveDir: path.resolve(values.archive),
    reason: reason.sv,
    organisation: values.organisation ?? shared?.organisation ?? '',
    timeoutMs: timeout * 1000,
    concurrency: 1,
    browserPath: values.browser,
    profilesRoot: values.profiles ?? defaultProfilesRoot(),
    signal,
    onProgress: progressPrinter(io),
    comment: { url: url.href, selector: values.selector?.trim() || null, answer: values.answer ?? null, pick: values.pick, reason: { code: reason.code, label: reason.sv }, note: (values.note ?? '').trim(), savedBy: (values.by ?? '').trim() },
  });
  return report(results, io, json, signal);
}
