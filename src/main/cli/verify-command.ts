import { readSharedSettings } from '../archive/shared-settings';
import { formatDateTime } from '../../shared/dates';
import { damagedRecordName, problemText, restoreText } from '../../shared/fixity';
import { checkArchive } from '../handover/check';
import { EXIT, parseOptions, requireArchive, UsageError, type Io } from './options';
import { tsaRootsOption } from './tsa-options';
import { PreservationLog } from '../archive/preservation-log';
import { currentUser } from '../register/register';
import { softwareName } from '../resources';

export async function verifyCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { archive: { type: 'string' }, 'tsa-ca': { type: 'string' }, json: { type: 'boolean', default: false } });
  const { t } = io;
  if (!values.archive) throw new UsageError(t('cli.verifyArchiveRequired'));
  await requireArchive(values.archive, t);
  // The archive's shared trusted roots ("Tidsstämpeltjänstens rotcertifikat") when none is named here.
  const shared = await readSharedSettings(values.archive).catch(() => null);
  const roots = (await tsaRootsOption(values['tsa-ca'], t)) || (shared?.tsaRoots ?? '');

  // The archive's own settings say where its file archive is: a damaged bag's copy there is checked.
  const report = await checkArchive(values.archive, shared?.handover.fileArchiveDir ?? '', roots);
  const damaged = report.bags.filter((b) => b.problems.length > 0);
  // Each record's fixity check is a PREMIS event of the archive (archive/preservation-log.ts); a read-only archive is still checked.
  const logged = await new PreservationLog(values.archive).recordCheck(report, currentUser(), softwareName()).then(() => null, (error: Error) => error.message);
  if (values.json) {
    io.out(`${JSON.stringify({ bags: report.bags.map((b) => ({ ...b, ok: b.problems.length === 0 })), incomplete: report.incomplete, log: report.log, logRemnant: report.logRemnant, logStamps: report.logStamps, inventory: report.inventory })}\n`);
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
    const stamped = report.bags.filter((b) => b.stamp);
    if (stamped.length === 0) io.out(t('cli.noStamps'));
    else io.out(t(roots ? 'cli.stampsTrusted' : 'cli.stampsUntrusted', { stamped: roots ? stamped.filter((b) => b.stamp!.trusted).length : stamped.length, count: report.bags.length }));
    for (const bag of stamped.filter((b) => b.stamp!.lateMs !== null)) {
      const hours = Math.floor(bag.stamp!.lateMs! / 3_600_000);
      const values = { bag: bag.bag, taken: bag.takenAt ? formatDateTime(bag.takenAt, t.language) : '?', at: formatDateTime(bag.stamp!.at, t.language) };
      io.out(hours >= 24 ? t('cli.stampLate', { ...values, days: Math.floor(hours / 24) }) : t('cli.stampLateHours', { ...values, hours }));
    }
    if (report.logStamps.latest) io.out(t(roots && report.logStamps.untrusted === 0 ? 'cli.logStampsTrusted' : 'cli.logStampsUntrusted', { count: report.logStamps.count, seq: report.logStamps.latest.seq, at: formatDateTime(report.logStamps.latest.at, t.language) }));
    io.out(t('cli.inventory', { count: report.inventory.expected, present: report.inventory.present }));
    if (logged !== null) io.err(t('cli.checkNotLogged', { error: logged }));
    io.out(`${t('cli.intact', { intact: report.bags.length - damaged.length, count: report.bags.length })}${report.log.length ? t('cli.logIsDamaged') : ''}\n`);
  }
  return damaged.length === 0 && report.log.length === 0 ? EXIT.ok : EXIT.someFailed;
}
