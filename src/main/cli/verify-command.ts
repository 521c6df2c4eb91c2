import { readSharedSettings } from '../archive/shared-settings';
import { formatDateTime } from '../../shared/dates';
import { damagedRecordName, problemText, restoreText } from '../../shared/fixity';
import { checkArchive } from '../handover/check';
import { EXIT, parseOptions, requireArchive, UsageError, type Io } from './options';

export async function verifyCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { archive: { type: 'string' }, json: { type: 'boolean', default: false } });
  const { t } = io;
  if (!values.archive) throw new UsageError(t('cli.verifyArchiveRequired'));
  await requireArchive(values.archive, t);

  // The archive's own settings say where its file archive is: a damaged bag's copy there is checked.
  const report = await checkArchive(values.archive, (await readSharedSettings(values.archive).catch(() => null))?.handover.fileArchiveDir ?? '');
  const damaged = report.bags.filter((b) => b.problems.length > 0);
  if (values.json) {
    io.out(`${JSON.stringify({ bags: report.bags.map((b) => ({ ...b, ok: b.problems.length === 0 })), incomplete: report.incomplete, log: report.log, logRemnant: report.logRemnant, inventory: report.inventory })}\n`);
  } else {
    if (report.inventory.built !== null) io.out(t('cli.inventoryBuilt', { count: report.inventory.built }));
    for (const bag of damaged) {
      const name = damagedRecordName(bag, (iso) => formatDateTime(iso, t.language));
      io.out(`${t('cli.damaged', { name: name === bag.bag ? name : `${name} (${bag.bag})` })}${bag.problems.map((p) => t('cli.problemLine', { text: problemText(t, p), file: p.file, detail: p.detail })).join('')}  ${restoreText(t, bag)}\n`);
    }
    if (report.incomplete.length > 0) {
      io.out(t('cli.incomplete', { count: report.incomplete.length }));
    }
    if (report.logRemnant) io.out(t('cli.logRemnant'));
    if (report.log.length > 0) {
      io.out(`${t('cli.logDamaged')}${report.log.map((p) => t('cli.logLine', { line: p.line, detail: p.detail })).join('')}`);
    }
    io.out(t('cli.inventory', { count: report.inventory.expected, present: report.inventory.present }));
    io.out(`${t('cli.intact', { intact: report.bags.length - damaged.length, count: report.bags.length })}${report.log.length ? t('cli.logIsDamaged') : ''}\n`);
  }
  return damaged.length === 0 && report.log.length === 0 ? EXIT.ok : EXIT.someFailed;
}
