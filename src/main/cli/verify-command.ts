import { checkArchive } from '../handover/check';
import { EXIT, parseOptions, requireArchive, UsageError, type Io } from './options';

export async function verifyCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { archive: { type: 'string' }, json: { type: 'boolean', default: false } });
  if (!values.archive) throw new UsageError('verify needs --archive DIR: the folder where snapshots are kept.');
  await requireArchive(values.archive);

  const report = await checkArchive(values.archive);
  const damaged = report.bags.filter((b) => b.problems.length > 0);
  if (values.json) {
    io.out(`${JSON.stringify({ bags: report.bags.map((b) => ({ ...b, ok: b.problems.length === 0 })), incomplete: report.incomplete, log: report.log })}\n`);
  } else {
    for (const bag of damaged) {
      io.out(`DAMAGED ${bag.bag}\n${bag.problems.map((p) => `  ${p.kind}: ${p.file} ${p.detail}\n`).join('')}`);
    }
    if (report.incomplete.length > 0) {
      io.out(`${report.incomplete.length} unfinished snapshot(s) in .incomplete (a capture is running, or one was interrupted; the next capture removes abandoned ones).\n`);
    }
    if (report.log.length > 0) {
      io.out(`DAMAGED handover-log.jsonl (restore it from a backup; Kanalarkiv never changes it)\n${report.log.map((p) => `  line ${p.line}: ${p.detail}\n`).join('')}`);
    }
    io.out(`${report.bags.length - damaged.length} of ${report.bags.length} snapshot(s) intact.${report.log.length ? ' The handover log is damaged.' : ''}\n`);
  }
  return damaged.length === 0 && report.log.length === 0 ? EXIT.ok : EXIT.someFailed;
}
