import { readSharedSettings } from '../archive/shared-settings';
import { stampArchive } from '../archive/stamp-bag';
import { EXIT, parseOptions, requireArchive, UsageError, type Io } from './options';
import { tsaUrlOption } from './tsa-options';

/** `kanalarkiv timestamp`: stamps every bag of the archive that has no trusted timestamp yet (the authority was down or slow). */
export async function timestampCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { archive: { type: 'string' }, tsa: { type: 'string' }, json: { type: 'boolean', default: false } });
  const { t } = io;
  if (!values.archive) throw new UsageError(t('cli.timestampArchiveRequired'));
  await requireArchive(values.archive, t);
  const tsa = tsaUrlOption(values.tsa, t) ?? ((await readSharedSettings(values.archive).catch(() => null))?.tsaUrl || undefined);
  if (!tsa) throw new UsageError(t('cli.timestampTsaRequired'));
  const result = await stampArchive(values.archive, tsa);
  if (values.json) {
    io.out(`${JSON.stringify({ stamped: result.stamped.map((s) => ({ bag: s.bag, at: s.at.toISOString() })), failed: result.failed })}\n`);
  } else {
    for (const s of result.stamped) io.out(t('cli.stampedLine', { bag: s.bag, at: s.at.toISOString() }));
    for (const f of result.failed) io.out(t('cli.stampFailedLine', { bag: f.bag, detail: f.error }));
    io.out(t('cli.stampedSummary', { count: result.stamped.length, failed: result.failed.length, tsa }));
  }
  return result.failed.length === 0 ? EXIT.ok : EXIT.someFailed;
}
