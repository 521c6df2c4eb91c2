import type { Response } from 'playwright-core';
import type { Channel } from '../../shared/channel';
import type { SnapshotMetadata } from '../../shared/snapshot';
import { PLATFORM_MODULES } from '../platforms';
import { commentTargetOf } from './capture-comment';
import { withCapturePage } from './capture-page';
import { CaptureError } from './errors';
import { openPage } from './open-page';
import { helpers } from './page-helpers';
import type { CaptureSession } from './session';
import { Timings } from './timings';

/** Whether the page at the comment's link still shows it; a link that now answers 404 or 410 shows nothing. */
export async function stillShown(session: CaptureSession, metadata: SnapshotMetadata, timeoutMs: number): Promise<boolean> {
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
    return helpers(page).chooseTarget(target);
  });
}
