import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Channel } from '../../shared/channel';
import type { CaptureStage } from '../../shared/capture';
import type { CommentFacts } from '../../shared/comment';
import { MHTML_FILE, WEB_COPY_FILE, WEB_COPY_WARC, screenshotFile } from '../archive/layout';
import { WebRecorder } from './web-recorder';
import { PLATFORM_MODULES } from '../platforms';
import { cssValue, type CommentTarget } from '../platforms/platform';
import { readPng } from '../record/png';
import type { Capture } from './capture-channel';
import { withCapturePage } from './capture-page';
import { CaptureError } from './errors';
import { loginWarnings, openPage, passBarrier, sessionHeld } from './open-page';
import { chosenElement, helpers } from './page-helpers';
import { CAPTURE_PROFILE } from './profile';
import type { Word } from '../record/words';
import type { CaptureSession } from './session';
import type { Segment } from './stitcher';
import { Timings } from './timings';

export interface CommentRequest {
  channel: Channel;
  /** The link to the comment or post. */
  url: string;
  /** A CSS selector that picks the element instead of the link. */
  selector: string | null;
  /** The link to the answer given to it, shown in the same thread (a reply): saved with it. */
  answer: string | null;
  /** The page owner chooses the comment with the pointer in a visible window (the session is visible). */
  pick?: boolean;
  dir: string;
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (stage: CaptureStage, percent: number) => void;
}

/** More blocks than one document numbers: the blocks of each picture of a saved comment start this far apart. */
const BLOCKS_PER_PICTURE = 1_000_000_000;

/** How long the page owner may take to choose the comment on the page. */
const PICK_WAIT_MS = 10 * 60_000;
/** The hint over the page while choosing (removed before any picture). */
const PICK_HINT = 'Kanalarkiv: klicka på kommentaren eller inlägget som ska sparas.';

/** What the page showed of the comment; the page owner adds the reason, the note and their name. */
export type ShownComment = Pick<CommentFacts, 'url' | 'foundBy' | 'selector' | 'author' | 'shownTime' | 'exactTime' | 'text' | 'contextText' | 'answer'>;

/** The element to save, and how it was found: a selector given, the link as the platform marks it, or its #fragment. */
export function commentTargetOf(channel: Channel, link: URL, selector: string | null): { target: CommentTarget; foundBy: CommentFacts['foundBy'] } {
  if (selector) return { target: { element: selector }, foundBy: 'selector' };
  const marked = PLATFORM_MODULES[channel.platform].commentTarget(link);
  if (marked) return { target: marked, foundBy: 'link' };
  const fragment = decodeURIComponent(link.hash.slice(1));
  if (fragment) return { target: { element: `[id="${cssValue(fragment)}"], a[name="${cssValue(fragment)}"]` }, foundBy: 'fragment' };
  throw new CaptureError(
    'not_a_comment',
    `The link ${link.href.slice(0, 200)} does not point at one comment or post. Copy the comment's own link (its time, "2 v" or "1 h", is a link to it), or give --selector.`,
  );
}

/**
 * Saves one comment or post as it is shown: the element alone, then the post around it with the
 * element outlined, each with its words for the text layer, the page's MHTML copy, and what the
 * page shows of the author and the time.
 */
export async function captureComment(session: CaptureSession, request: CommentRequest): Promise<Capture & { shown: ShownComment }> {
  const { channel, signal } = request;
  const link = new URL(request.url);
  const { target, foundBy } = request.pick ? { target: { element: PLATFORM_MODULES[channel.platform].commentSelector }, foundBy: 'picked' as const } : commentTargetOf(channel, link, request.selector);
  const platformModule = PLATFORM_MODULES[channel.platform];
  const progress = request.onProgress ?? (() => undefined);
  const timings = new Timings();
  const startedAt = new Date();
  progress('starting', 2);
  // Choosing takes the page owner's own time, on top of the capture's.
  const deadline = request.timeoutMs + (request.pick ? PICK_WAIT_MS : 0);
  const warcFile = path.join(request.dir, WEB_COPY_WARC);
  return withCapturePage(session, channel.platform, { timeoutMs: deadline, signal, timings, what: 'comment' }, ({ page, loggedIn }) => WebRecorder.during(page, warcFile, timings, async (recorder) => {
    const opened = await openPage(page, link.href, {
      platformModule,
      timeoutMs: request.timeoutMs,
      timings,
      signal,
      waitFor: target.link ?? target.element,
      onStage: (stage) => progress(stage, stage === 'loading' ? 5 : 10),
    });
    progress('scrolling', 30);
    const helper = helpers(page);
    if (request.pick) {
      await page.bringToFront();
      await helper.pickTarget(target.element, PICK_HINT);
    }
    const choose = () => (request.pick ? helper.chosenShown() : helper.chooseTarget(target));
    if (!(await choose())) {
      throw new CaptureError('comment_not_found', 'The page does not show the comment or post the link points at: it may already be removed, or be visible only when logged in. Check the link in a browser.');
    }
    const expanded = await helper.expandChosen();
    // Scrolling to the comment and opening it is when a wall appears (Instagram's, Facebook's dialog).
    await helper.waitQuiet(300, 3000);
    await passBarrier(page, platformModule);
    // Expanding, or a dialog closed, may draw the thread anew: look for the comment again.
    if (!(await choose())) throw new CaptureError('comment_not_found', 'The comment went away while it was being opened. Check the link in a browser and try again.');
    const describe = () => helper.describeChosen();
    const described = await describe();

    const segments: Segment[] = [];
    const words: Word[] = [];
    const picture = async (which: 'comment' | 'context') => {
      const handle = await chosenElement(page, which);
      if (!handle) return;
      if (which === 'context') await helper.outlineChosen(true);
      const raw = await helper.wordsInChosen(which);
      const file = screenshotFile(segments.length + 1);
      await handle.screenshot({ path: path.join(request.dir, file), animations: 'disabled', timeout: Math.max(5_000, request.timeoutMs * 0.2) });
      if (which === 'context') await helper.outlineChosen(false);
      const png = readPng(await readFile(path.join(request.dir, file)));
      const top = segments.reduce((sum, s) => sum + s.height, 0);
      // The comment shows again, outlined, in the post's picture: each picture's blocks are its own.
      const blocks = segments.length * BLOCKS_PER_PICTURE;
      segments.push({ file, width: png.width, height: png.height, top });
      for (const [text, x, y, width, height, block] of raw) if (y + height <= png.height) words.push({ text, x, y: y + top, width, height, block: block + blocks });
    };
    let answer: ShownComment['answer'] = null;
    await timings.time('tiles', async () => {
      await picture('comment');
      await picture('context');
      if (!request.answer) return;
      // The answer is a reply in the comment's thread, on the page already open.
      const answerUrl = new URL(request.answer);
      const answerTarget = commentTargetOf(channel, answerUrl, null).target;
      if (!(await helper.chooseTarget(answerTarget))) {
        throw new CaptureError('comment_not_found', 'The answer the --answer link points at is not shown on the comment\'s page. Give the link of the reply in the comment\'s thread.');
      }
      const { author, shownTime, exactTime, text } = await describe();
      answer = { url: answerUrl.href, author, shownTime, exactTime, text };
      await picture('comment');
    });
    progress('saving', 78);
    const cdp = await page.context().newCDPSession(page);
    await timings.time('mhtml', async () => {
      const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
      await writeFile(path.join(request.dir, MHTML_FILE), data);
    });
    const version = await cdp.send('Browser.getVersion');
    const title = await page.title();
    const webCopy = await timings.time('webcopy', () => recorder.save(warcFile, path.join(request.dir, WEB_COPY_FILE), { url: page.url(), title, ts: startedAt.toISOString() }));
    const held = await sessionHeld(page, loggedIn);
    // A comment is saved as shown, whatever else of the channel a logged-out visitor misses.
    const warnings = [...opened.warnings, ...(await loginWarnings(page, loggedIn, channel.platform, false))];
    return {
      segments,
      words,
      mhtml: MHTML_FILE,
      webCopy: WEB_COPY_FILE,
      timings,
      shown: { url: request.pick ? page.url() : link.href, foundBy, selector: target.link ? `${target.element} ⟵ ${target.link}` : target.element, ...described, answer },
      facts: {
        requestedUrl: link.href,
        finalUrl: opened.finalUrl,
        httpStatus: opened.httpStatus,
        title,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        browser: { name: session.browser.kind, version: version.product.replace(/^[^/]*\//, ''), userAgent: await page.evaluate<string>('navigator.userAgent') },
        viewport: { ...CAPTURE_PROFILE.viewport },
        pageHeight: segments.reduce((sum, s) => sum + s.height, 0),
        bottomStrip: null,
        posts: 1,
        mhtmlPosts: 1,
        webCopy,
        loggedIn: held,
        expanded,
        consent: opened.consent,
        cut: null,
        coverage: { since: null, oldestPost: null, newestPost: null, complete: null },
        warnings,
      },
    };
  }));
}
