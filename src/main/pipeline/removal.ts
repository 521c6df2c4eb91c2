import { randomUUID } from 'node:crypto';
import type { SnapshotRef } from '../../shared/archive';
import type { RemovalCheck } from '../../shared/comment';
import type { SnapshotMetadata } from '../../shared/snapshot';
import { readCatalogue, readMetadata, snapshotPath } from '../archive/catalogue';
import { findBrowser } from '../capture/browser';
import { CaptureError, toCaptureError } from '../capture/errors';
import { CaptureSession } from '../capture/session';
import { stillShown } from '../capture/still-shown';
import { HandoverLog } from '../handover/log';
import { recordTitle } from '../record/title';

export interface RemovalOptions {
  archiveDir: string;
  /** The comment records to check; absent: every one in the archive. */
  refs?: SnapshotRef[];
  by: string;
  browserPath?: string;
  profilesRoot: string | null;
  timeoutMs: number;
}

/**
 * "Kontrollera borttagning": opens each saved comment's link again and appends to the handover log
 * whether the comment is gone, and when. The records themselves are never touched.
 */
export async function checkRemovals(options: RemovalOptions): Promise<RemovalCheck[]> {
  const { archiveDir } = options;
  const refs = options.refs ?? (await readCatalogue(archiveDir)).snapshots.filter((s) => s.kind === 'comment').map((s) => s.ref);
  // Every record is read before any page is opened: a wrong ref stops the check before it logs anything.
  const records = new Map<SnapshotRef, SnapshotMetadata>();
  for (const ref of refs) {
    const metadata = await readMetadata(snapshotPath(archiveDir, ref)).catch(() => null);
    if (!metadata?.comment) throw new CaptureError('not_a_comment', `${ref} is not a saved comment in the archive ${archiveDir}; only saved comments are checked for removal.`);
    records.set(ref, metadata);
  }
  const session = new CaptureSession(findBrowser(options.browserPath), options.profilesRoot);
  const log = new HandoverLog(archiveDir);
  const checkId = randomUUID();
  const checks: RemovalCheck[] = [];
  try {
    for (const [ref, metadata] of records) {
      const { gone, error } = await stillShown(session, metadata, options.timeoutMs).then(
        (shown) => ({ gone: !shown, error: null }),
        (failure: unknown) => ({ gone: null, error: toCaptureError(failure).message }),
      );
      const at = new Date().toISOString();
      await log.append({ at, by: options.by, deliveryId: checkId, target: null, destination: metadata.comment!.url, event: 'removal-checked', snapshotId: metadata.snapshotId, ref, title: recordTitle(metadata), gone, error });
      checks.push({ ref, url: metadata.comment!.url, gone, error, at });
    }
  } finally {
    await session.close();
  }
  return checks;
}
