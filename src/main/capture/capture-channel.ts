import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Channel } from '../../shared/channel';
import type { CaptureStage } from '../../shared/capture';
import type { CaptureWarning } from '../../shared/capture-warnings';
import { captureWarning } from '../../shared/capture-warnings';
import { PLATFORM_MODULES } from '../platforms';
import type { ConsentOutcome } from './consent';
import { withCapturePage } from './capture-page';
import { guardNavigation } from './navigation-guard';
import { loginWarnings, openPage, sessionHeld } from './open-page';
import { helpers } from './page-helpers';
import { CoverageTracker, type Coverage } from './post-dates';
import { CAPTURE_PROFILE } from './profile';
import { scrollAndCapture } from './scroll-capture';
import type { Word } from '../record/words';
import type { CaptureSession } from './session';
import type { Segment } from './stitcher';
import { Timings } from './timings';
import { MHTML_FILE, WEB_COPY_FILE, WEB_COPY_WARC } from '../archive/layout';
import { WebRecorder, type WebCopyTally } from './web-recorder';

export interface CaptureRequest {
  channel: Channel;
  /** Folder the screenshot pieces and the MHTML copy are written to. */
  dir: string;
  timeoutMs: number;
  /** When the channel's previous snapshot was taken: the capture scrolls back at least to there. */
  since: string | null;
  signal?: AbortSignal;
  onProgress?: (stage: CaptureStage, percent: number) => void;
}

/** What was observed during a capture: the facts a record states about how it was made. */
export interface CaptureFacts {
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  title: string;
  startedAt: string;
  finishedAt: string;
  /** The browser, and the user agent it gave the site. */
  browser: { name: string; version: string; userAgent: string };
  viewport: { width: number; height: number };
  pageHeight: number;
  /** The strip of bottom bars shown once below the page, if any. */
  bottomStrip: { top: number; height: number } | null;
  posts: number;
  /** Whether the page was seen logged in: the platform's login profile was used and its session held (never whose it is). */
  loggedIn: boolean;
  /** Posts the saved MHTML copy holds: fewer than `posts` when the site removes posts while it is scrolled. */
  mhtmlPosts: number;
  /** What the web copy holds of the page's traffic. */
  webCopy: WebCopyTally;
  expanded: number;
  consent: ConsentOutcome;
  cut: 'height' | 'time' | null;
  coverage: Coverage;
  warnings: CaptureWarning[];
}

export interface Capture {
  facts: CaptureFacts;
  segments: Segment[];
  words: Word[];
  /** File name of the MHTML copy inside `dir`. */
  mhtml: string;
  /** File name of the web copy (WACZ) inside `dir`. */
  webCopy: string;
  timings: Timings;
}

/** Captures one channel into `request.dir`. Throws a CaptureError that says what went wrong. */
export async function captureChannel(session: CaptureSession, request: CaptureRequest): Promise<Capture> {
  const { channel, signal } = request;
  const startedAt = new Date();
  const progress = request.onProgress ?? (() => undefined);
  const platformModule = PLATFORM_MODULES[channel.platform];
  const warnings: CaptureWarning[] = [];
  const timings = new Timings();
  progress('starting', 2);
  const warcFile = path.join(request.dir, WEB_COPY_WARC);
  return withCapturePage(session, channel.platform, { timeoutMs: request.timeoutMs, signal, timings, what: 'channel' }, ({ page, loggedIn }) => WebRecorder.during(page, warcFile, timings, async (recorder) => {
    const opened = await openPage(page, channel.url, {
      platformModule,
      timeoutMs: request.timeoutMs,
      timings,
      signal,
      waitFor: platformModule.postSelector,
      onStage: (stage) => progress(stage, stage === 'loading' ? 5 : 10),
    });
    const { network, finalUrl, httpStatus } = opened;
    warnings.push(...opened.warnings);
    const consentOutcome = opened.consent;
    const cdp = await page.context().newCDPSession(page);
    progress('scrolling', 15);
    const coverage = new CoverageTracker(request.since ? new Date(request.since) : null, startedAt, loggedIn || platformModule.loggedOutDateOrder);
    const guard = await guardNavigation(cdp);
    const scrolling = await scrollAndCapture(page, cdp, {
      timings,
      coverage,
      dir: request.dir,
      platformModule,
      network,
      signal,
      maxHeight: CAPTURE_PROFILE.maxHeightPx,
      sliceHeight: CAPTURE_PROFILE.pageSliceHeightPx,
      deadline: startedAt.getTime() + request.timeoutMs * CAPTURE_PROFILE.scrollTimeShare,
      onProgress: (fraction) => progress('scrolling', 15 + Math.round(fraction * 60)),
    }).finally(() => guard.release());
    warnings.push(...scrolling.warnings);
    // A page that shows its login dialog to a browser with the platform's profile is not logged in: the session has run out.
    const helper = helpers(page);
    const held = await sessionHeld(page, loggedIn);
    warnings.push(...(await loginWarnings(page, loggedIn, channel.platform, platformModule.loggedOutView === 'partial')));
    if (channel.platform !== 'web' && scrolling.posts === 0) warnings.push(captureWarning('no_posts'));
    for (const url of guard.stopped) warnings.push(captureWarning('navigation_stopped', { url: url.slice(0, 200) }));
    for (const [code, frames] of [['frames_unloaded', await helper.unloadedFrames()], ['frames_picture_only', await helper.crossSiteFrames()]] as const) {
      if (frames.length > 0) warnings.push(captureWarning(code, { count: frames.length, urls: frameList(frames) }));
    }
    if (scrolling.cut === 'height') {
      warnings.push(captureWarning('cut_height', { px: CAPTURE_PROFILE.maxHeightPx }));
    } else if (scrolling.cut === 'time') {
      warnings.push(captureWarning('cut_time', { px: scrolling.pageHeight }));
    }

    if (coverage.result().complete === false) {
      warnings.push(captureWarning('coverage_short'));
    }
    progress('saving', 78);
    // A virtualised feed (X, Facebook, Instagram) keeps only the last posts in the page, and the copy is made of the page.
    const mhtmlPosts = await helper.postsInDocument();
    if (mhtmlPosts < scrolling.posts) {
      warnings.push(captureWarning('mhtml_partial', { inCopy: mhtmlPosts, posts: scrolling.posts }));
    }
    await timings.time('mhtml', async () => {
      const { data: mhtml } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
      await writeFile(path.join(request.dir, MHTML_FILE), mhtml);
    });
    const version = await cdp.send('Browser.getVersion');
    const title = await page.title();
    const webCopy = await timings.time('webcopy', () => recorder.save(warcFile, path.join(request.dir, WEB_COPY_FILE), { url: finalUrl, title, ts: startedAt.toISOString() }));

    return {
      segments: scrolling.segments,
      words: scrolling.words,
      mhtml: MHTML_FILE,
      webCopy: WEB_COPY_FILE,
      timings,
      facts: {
        requestedUrl: channel.url,
        finalUrl,
        httpStatus,
        title,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        browser: { name: session.browser.kind, version: version.product.replace(/^[^/]*\//, ''), userAgent: await page.evaluate<string>('navigator.userAgent') },
        viewport: { ...CAPTURE_PROFILE.viewport },
        pageHeight: scrolling.pageHeight,
        bottomStrip: scrolling.bottomStrip,
        posts: scrolling.posts,
        mhtmlPosts,
        loggedIn: held,
        expanded: scrolling.expanded,
        consent: consentOutcome,
        cut: scrolling.cut,
        coverage: coverage.result(),
        webCopy,
        warnings,
      },
    };
  }));
}

/** Up to five frame addresses, each cut to 200 characters, for a warning. */
function frameList(urls: string[]): string {
  return urls.slice(0, 5).map((url) => url.slice(0, 200)).join(', ') + (urls.length > 5 ? ', …' : '');
}
