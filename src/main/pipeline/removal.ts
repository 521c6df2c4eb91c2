import { randomUUID } from 'node:crypto';
import type { Response } from 'playwright-core';
import type { SnapshotRef } from '../../shared/archive';
import type { Channel } from '../../shared/channel';
import type { RemovalCheck } from '../../shared/comment';
import type { SnapshotMetadata } from '../../shared/snapshot';
import { readCatalogue, readMetadata, snapshotPath } from '../archive/catalogue';
import { findBrowser } from '../capture/browser';
import { commentTargetOf } from '../capture/capture-comment';
import { withCapturePage } from '../capture/capture-page';
import { CaptureError, toCaptureError } from '../capture/errors';
import { openPage } from '../capture/open-page';
import { CaptureSession } from '../capture/session';
import { Timings } from '../capture/timings';
import { HandoverLog } from '../handover/log';
import { PLATFORM_MODULES } from '../platforms';
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

/** Whether the page at the comment's link still shows it; a link that now answers 404 or 410 shows nothing. */
async function stillShown(session: CaptureSession, metadata: SnapshotMetadata, timeoutMs: number): Promise<boolean> {
  const comment = metadata.comment!;
  // A comment chosen with the pointer has no link of its own to find it by again: a person must look.
  if (comment.foundBy === 'picked') throw new CaptureError('comment_not_found', `The comment was chosen on the page, not found from its link, so whether it is gone cannot be told; open ${comment.url} and look.`);
  const channel = { ...metadata.channel, notes: '', active: true } satisfies Channel;
  const link = new URL(comment.url);
  const { target } = commentTargetOf(channel, link, comment.foundBy === 'selector' ? comment.selector : null);
  const platformModule = PLATFORM_MODULES[channel.platform];
  const timings = new Timings();
  return withCapturePage(session, channel.platform, { timeoutMs, timings, what: 'comment' }, async ({ page }) => {
    let status = 0;
    page.on('response', (r: Response) => {
      if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) status = r.status();
    });
    try {
      await openPage(page, link.href, { platformModule, timeoutMs, timings, waitFor: target.link ?? target.element, onStage: () => undefined });
    } catch (error) {
      if (status === 404 || status === 410) return false;
      throw error;
    }
    return page.evaluate<boolean>(`window.__kanalarkiv.chooseTarget(${JSON.stringify(target)}, ${JSON.stringify(platformModule.postSelector)})`);
  });
}
