import { checkArchive } from '../handover/check';
import { EXIT, parseOptions, requireArchive, UsageError, type Io } from './options';

export async function verifyCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { archive: { type: 'string' }, json: { type: 'boolean', default: false } });
  const { t } = io;
  if (!values.archive) throw new UsageError(t('cli.verifyArchiveRequired'));
  await requireArchive(values.archive, t);

  const report = await checkArchive(values.archive);
  const damaged = report.bags.filter((b) => b.problems.length > 0);
  if (values.json) {
    io.out(`${JSON.stringify({ bags: report.bags.map((b) => ({ ...b, ok: b.problems.length === 0 })), incomplete: report.incomplete, log: report.log })}\n`);
  } else {
    for (const bag of damaged) {
      io.out(`${t('cli.damaged', { bag: bag.bag })}${bag.problems.map((p) => t('cli.problemLine', { kind: t(`cli.problemKind.${p.kind}`), file: p.file, detail: p.detail })).join('')}`);
    }
    if (report.incomplete.length > 0) {
      io.out(t('cli.incomplete', { count: report.incomplete.length }));
    }
    if (report.log.length > 0) {
      io.out(`${t('cli.logDamaged')}${report.log.map((p) => t('cli.logLine', { line: p.line, detail: p.detail })).join('')}`);
    }
    io.out(`${t('cli.intact', { intact: report.bags.length - damaged.length, count: report.bags.length })}${report.log.length ? t('cli.logIsDamaged') : ''}\n`);
  }
  return damaged.length === 0 && report.log.length === 0 ? EXIT.ok : EXIT.someFailed;
}
