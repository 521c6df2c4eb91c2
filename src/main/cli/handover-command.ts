import { writeFile } from 'node:fs/promises';
import { snapshotRefSchema, type SnapshotRef } from '../../shared/archive';
import { DEFAULT_HANDOVER_SETTINGS, HANDOVER_TARGETS, type HandoverSettings, type HandoverTarget } from '../../shared/handover';
import { handOver } from '../handover/deliver';
import { HandoverError } from '../handover/errors';
import { requireIntactLog } from '../handover/check';
import { listHandoverRecords, undelivered } from '../handover/items';
import { HandoverLog } from '../handover/log';
import { deliveriesInLog, receiptPdf } from '../handover/receipt';
import { adapterFor } from '../handover/targets';
import type { SharedHandoverSettings } from '../archive/shared-settings';
import { currentUser } from '../register/register';
import { loadSharedSettings } from './channel-file';
import { failureText, roundName } from './messages';
import type { Translate } from '../messages';
import { EXIT, parseOptions, requireArchive, UsageError, type Io } from './options';
import { dryRun } from './platina-dry-run';
import { PLATINA_OPTIONS, platinaConnection, platinaFromFlags, resolveOrigin } from './platina-options';
import { tsaUrlOption } from './tsa-options';
import { formatDateTime } from '../../shared/dates';

const OPTIONS = {
  archive: { type: 'string' },
  to: { type: 'string' },
  round: { type: 'string' },
  snapshots: { type: 'string' },
  dest: { type: 'string' },
  by: { type: 'string' },
  organisation: { type: 'string' },
  'org-id': { type: 'string' },
  agreement: { type: 'string' },
  list: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  smtp: { type: 'string' },
  user: { type: 'string' },
  from: { type: 'string' },
  'to-address': { type: 'string' },
  ca: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  tsa: { type: 'string' },
  ...PLATINA_OPTIONS,
} as const;

/** `kanalarkiv handover`: hands the records not yet delivered to a place over to it, and logs it in the archive. */
export async function handoverCommand(args: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const { values } = parseOptions(args, OPTIONS);
  const { t } = io;
  if (!values.archive) throw new UsageError(t('cli.handoverArchiveRequired'));
  await requireArchive(values.archive, t);
  if (!values.to || !(HANDOVER_TARGETS as readonly string[]).includes(values.to)) throw new UsageError(t('cli.handoverTo', { targets: HANDOVER_TARGETS.join('|') }));
  const target = values.to as HandoverTarget;
  const by = values.by ?? currentUser();
  const shared = await loadSharedSettings(values.archive, t);
  if (typeof shared === 'string') throw new UsageError(shared);
  const organisation = values.organisation ?? shared?.organisation ?? '';
  const tsaUrl = tsaUrlOption(values.tsa, t) ?? (shared?.tsaUrl || undefined);
  let settings = settingsFromFlags(target, values, shared?.handover ?? null, t);
  if (values['dry-run'] && target !== 'platina') throw new UsageError(t('cli.dryRunPlatina'));

  const platina = platinaConnection(() => settings.platina, io, signal);
  const makeAdapter = () => adapterFor(target, settings, {
    organisation,
    by,
    smtpPassword: process.env.KANALARKIV_SMTP_PASSWORD ?? null,
    platinaToken: platina.token,
  }).catch((error: unknown) => explain(error, t));
  let adapter = await makeAdapter();

  const log = new HandoverLog(values.archive);
  const records = await listHandoverRecords(values.archive, (await log.read()).entries);
  let refs: SnapshotRef[];
  if (values.snapshots) {
    const named = values.snapshots.split(',').map((s) => s.trim()).filter(Boolean);
    const wrong = named.filter((ref) => !snapshotRefSchema.safeParse(ref).success);
    if (wrong.length > 0) throw new UsageError(t('cli.snapshotRefs', { wrong: wrong.map((w) => `"${w}"`).join(', ') }));
    refs = named as SnapshotRef[];
  } else {
    const pending = undelivered(records, target, adapter.destination, values.round);
    if (values.round && !records.some((r) => r.round === values.round)) throw new UsageError(t('cli.noSuchRound', { round: values.round, rounds: [...new Set(records.map((r) => r.round ?? t('cli.noRound')))].join(', ') || t('cli.none') }));
    refs = pending.map((r) => r.ref);
  }

  if (values.list) {
    const listed = records.filter((r) => refs.includes(r.ref));
    if (values.json) io.out(`${JSON.stringify({ target, destination: adapter.destination, records: listed })}\n`);
    else {
      io.out(t('cli.notDelivered', { count: listed.length, destination: adapter.destination }));
      for (const r of listed) io.out(`  ${r.round ?? t('cli.noRound')}  ${r.unit}  ${r.title}  [${r.ref}]\n`);
    }
    return EXIT.ok;
  }
  if (values['dry-run']) return dryRun(values.archive, settings, refs, values.json, io);
  if (refs.length === 0) {
    io.err(t('cli.nothingToHandOver', { round: values.round ? t('cli.ofRound', { round: t.language === 'en' ? values.round : roundName(t, values.round) }) : '', destination: adapter.destination }));
    if (values.json) io.out(`${JSON.stringify({ deliveryId: null, target, destination: adapter.destination, items: [] })}\n`);
    return EXIT.ok;
  }

  if (target === 'platina' && values.origin !== undefined) {
    settings = { ...settings, platina: await resolveOrigin(settings.platina, platina.client(), t) };
    adapter = await makeAdapter();
  }
  let result;
  try {
    result = await handOver({
      archiveDir: values.archive, adapter, refs, by, signal, tsaUrl,
      onProgress: (done, total) => io.err(`\r${done}/${total}`),
      onWaiting: () => io.err(t('cli.waitingHandover')),
    });
  } catch (error) {
    // Refused as a whole (a damaged log, another handover that does not end): nothing was sent.
    if (!(error instanceof HandoverError)) throw error;
    io.err(`kanalarkiv handover: ${failureText(t, error)}\n`);
    if (values.json) io.out(`${JSON.stringify({ deliveryId: null, target, destination: adapter.destination, items: [], error: { code: error.code, message: error.message } })}\n`);
    return EXIT.someFailed;
  }
  io.err('\n');
  if (values.json) io.out(`${JSON.stringify(result)}\n`);
  else {
    for (const item of result.items) {
      if (item.status === 'failed') io.out(t('cli.itemFailed', { title: item.title || item.ref, error: failureText(t, { code: item.errorCode ?? 'internal', message: item.error ?? '', params: item.errorParams }).replaceAll('\n', '\n             ') }));
      else io.out(t(item.status === 'delivered' ? 'cli.itemDelivered' : 'cli.itemAlready', { title: item.title, remote: item.remoteId }));
    }
    io.out(t('cli.delivery', { id: result.deliveryId, there: result.items.filter((i) => i.status !== 'failed').length, count: result.items.length, destination: result.destination, dir: values.archive }));
    if (result.logStamp?.at) io.out(t('cli.logStamped', { seq: result.logStamp.seq, at: formatDateTime(result.logStamp.at, t.language), tsa: tsaUrl }));
  }
  // The delivery stands whatever the authority did; the log can be stamped at the next handover.
  if (result.logStamp?.error) io.err(t('cli.logStampFailed', { tsa: tsaUrl, error: result.logStamp.error }));
  if (signal?.aborted) return EXIT.cancelled;
  return result.items.some((i) => i.status === 'failed') ? EXIT.someFailed : EXIT.ok;
}

/** `kanalarkiv receipt`: a delivery's receipt as PDF/A, read from the archive's handover log. */
export async function receiptCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { archive: { type: 'string' }, delivery: { type: 'string' }, out: { type: 'string' }, organisation: { type: 'string' } });
  const { t } = io;
  if (!values.archive) throw new UsageError(t('cli.receiptArchiveRequired'));
  if (!values.out) throw new UsageError(t('cli.receiptOutRequired'));
  await requireArchive(values.archive, t);
  const log = new HandoverLog(values.archive);
  const reading = await log.read();
  try {
    await requireIntactLog(values.archive, reading, log.file);
  } catch (error) {
    if (!(error instanceof HandoverError)) throw error;
    io.err(`kanalarkiv receipt: ${failureText(t, error)}\n`);
    return EXIT.someFailed;
  }
  const deliveries = deliveriesInLog(reading);
  const delivery = values.delivery ? deliveries.find((d) => d.deliveryId === values.delivery) : deliveries[0];
  if (!delivery) throw new UsageError(values.delivery ? t('cli.noSuchDelivery', { id: values.delivery, dir: values.archive }) : t('cli.noDeliveries', { dir: values.archive }));
  const shared = await loadSharedSettings(values.archive, t);
  if (typeof shared === 'string') throw new UsageError(shared);
  await writeFile(values.out, await receiptPdf(delivery, values.organisation ?? shared?.organisation ?? ''), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(error.code === 'EEXIST' ? t('cli.exists', { file: values.out }) : t('cli.cannotWrite', { file: values.out, detail: error.message }));
  });
  io.out(t('cli.receiptWritten', { id: delivery.deliveryId, file: values.out }));
  return EXIT.ok;
}

type Flags = ReturnType<typeof parseOptions<typeof OPTIONS>>['values'];

/**
 * The handover settings: the archive's shared ones (those the app's Överlämna settings keep), with
 * every flag given here in place of its setting.
 */
function settingsFromFlags(target: HandoverTarget, values: Flags, shared: SharedHandoverSettings | null, t: Translate): HandoverSettings {
  const base: HandoverSettings = shared ? { ...shared, registrar: '' } : DEFAULT_HANDOVER_SETTINGS;
  const dest = (of: HandoverTarget, saved: string) => (target === of && values.dest !== undefined ? values.dest : saved);
  const [host, port, ...rest] = (values.smtp ?? '').split(':');
  if (values.smtp && (!host || rest.length > 0 || (port !== undefined && !/^\d{1,5}$/.test(port)) || Number(port) > 65_535 || port === '0')) {
    throw new UsageError(t('cli.smtpFormat', { smtp: values.smtp }));
  }
  const { email, platina } = base;
  return {
    ...base,
    organisationId: values['org-id'] ?? base.organisationId,
    submissionAgreement: values.agreement ?? base.submissionAgreement,
    folderDir: dest('folder', base.folderDir),
    earkDir: dest('eark', base.earkDir),
    fileArchiveDir: dest('file-archive', base.fileArchiveDir),
    email: {
      // --dest without --smtp writes .eml files there.
      mode: values.smtp ? 'smtp' : target === 'email' && values.dest !== undefined ? 'eml' : email.mode,
      host: values.smtp ? host! : email.host,
      port: values.smtp ? Number(port || 587) : email.port,
      user: values.user ?? email.user,
      from: values.from ?? email.from,
      to: values['to-address'] ?? email.to,
      emlDir: dest('email', email.emlDir),
      caFile: values.ca ?? email.caFile,
    },
    platina: platinaFromFlags(values, platina, t),
  };
}

/** A setting the command line lacks is a usage error: it says which setting, and (the detail) which flag to give. */
function explain(error: unknown, t: Translate): never {
  if (error instanceof HandoverError && error.code === 'settings') throw new UsageError(failureText(t, error));
  throw error;
}
