import path from 'node:path';
import { snapshotRefSchema, type SnapshotRef } from '../../shared/archive';
import { HANDOVER_LOG } from '../archive/layout';
import { defaultProfilesRoot } from '../paths';
import { CaptureError } from '../capture/errors';
import { checkRemovals } from '../pipeline/removal';
import { positiveInteger } from './capture-command';
import { failureText } from './messages';
import { EXIT, parseOptions, requireArchive, UsageError, type Io } from './options';
import { RUN_DEFAULTS } from '../pipeline/defaults';

/** `kanalarkiv check-removal`: whether the saved comments are gone from their pages now, logged in the archive. */
export async function checkRemovalCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, {
    archive: { type: 'string' },
    only: { type: 'string' },
    by: { type: 'string' },
    timeout: { type: 'string' },
    browser: { type: 'string' },
    profiles: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const { t } = io;
  if (!values.archive) throw new UsageError(t('cli.removalArchiveRequired'));
  await requireArchive(values.archive, t);
  const timeout = positiveInteger(values.timeout ?? String(RUN_DEFAULTS.removalTimeoutMs / 1000), '--timeout', 10, 3600, t);
  if (typeof timeout === 'string') throw new UsageError(timeout);
  let refs: SnapshotRef[] | undefined;
  if (values.only) {
    refs = values.only.split(',').map((s) => s.trim()).filter(Boolean) as SnapshotRef[];
    const bad = refs.find((r) => !snapshotRefSchema.safeParse(r).success);
    if (bad) throw new UsageError(t('cli.onlyRefs', { ref: bad }));
  }
  const checks = await checkRemovals({ archiveDir: path.resolve(values.archive), refs, by: values.by ?? '', browserPath: values.browser, profilesRoot: values.profiles ?? defaultProfilesRoot(), timeoutMs: timeout * 1000 }).catch((error: unknown) => {
    // A ref that is no saved comment, or no browser: say so, as for any bad argument.
    if (error instanceof CaptureError) throw new UsageError(failureText(t, error));
    throw error;
  });
  if (values.json) io.out(`${JSON.stringify({ checks })}\n`);
  else {
    for (const c of checks) io.out(`${t(c.gone === true ? 'cli.gone' : c.gone === false ? 'cli.stillShown' : 'cli.unknown')}${c.ref}  ${c.url}${c.error ? `\n            ${c.error}` : ''}\n`);
    io.out(`${t('cli.goneSummary', { gone: checks.filter((c) => c.gone).length, count: checks.length, log: path.join(values.archive, HANDOVER_LOG) })}\n`);
  }
  return checks.every((c) => c.gone !== null) ? EXIT.ok : EXIT.someFailed;
}
