import path from 'node:path';
import { snapshotRefSchema, type SnapshotRef } from '../../shared/archive';
import { defaultProfilesRoot } from '../paths';
import { CaptureError } from '../capture/errors';
import { checkRemovals } from '../pipeline/removal';
import { positiveInteger } from './capture-command';
import { EXIT, parseOptions, requireArchive, UsageError, type Io } from './options';

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
  if (!values.archive) throw new UsageError('--archive DIR is required: the archive whose saved comments are checked.');
  await requireArchive(values.archive);
  const timeout = positiveInteger(values.timeout ?? '60', '--timeout', 10, 3600);
  if (typeof timeout === 'string') throw new UsageError(timeout);
  let refs: SnapshotRef[] | undefined;
  if (values.only) {
    refs = values.only.split(',').map((s) => s.trim()).filter(Boolean) as SnapshotRef[];
    const bad = refs.find((r) => !snapshotRefSchema.safeParse(r).success);
    if (bad) throw new UsageError(`--only takes records as the archive names them (channel/time-id), not "${bad}".`);
  }
  const checks = await checkRemovals({ archiveDir: path.resolve(values.archive), refs, by: values.by ?? '', browserPath: values.browser, profilesRoot: values.profiles ?? defaultProfilesRoot(), timeoutMs: timeout * 1000 }).catch((error: unknown) => {
    // A ref that is no saved comment, or no browser: say so, as for any bad argument.
    if (error instanceof CaptureError) throw new UsageError(error.message);
    throw error;
  });
  if (values.json) io.out(`${JSON.stringify({ checks })}\n`);
  else {
    for (const c of checks) io.out(`${c.gone === true ? 'gone        ' : c.gone === false ? 'still shown ' : 'unknown     '}${c.ref}  ${c.url}${c.error ? `\n            ${c.error}` : ''}\n`);
    io.out(`${checks.filter((c) => c.gone).length} of ${checks.length} saved comment(s) are gone; logged in ${path.join(values.archive, 'handover-log.jsonl')}.\n`);
  }
  return checks.every((c) => c.gone !== null) ? EXIT.ok : EXIT.someFailed;
}
