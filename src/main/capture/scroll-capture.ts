import type { CDPSession, Page } from 'playwright-core';
import sharp from 'sharp';
import type { PlatformModule } from '../platforms';
import { CaptureError } from './errors';
import type { NetworkMonitor } from './network';
import type { CoverageTracker } from './post-dates';
import { Stitcher, type Segment } from './stitcher';
import type { Timings } from './timings';

/** A word of the page's visible text and where it stood, in CSS px on the full page. */
export interface Word {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScrollCaptureOptions {
  dir: string;
  platformModule: PlatformModule;
  network: NetworkMonitor;
  maxHeight: number;
  sliceHeight: number;
  /** Epoch ms after which scrolling stops and the snapshot is cut. */
  deadline: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Post dates seen; scrolling stops once the feed has gone back past the previous snapshot. */
  coverage: CoverageTracker;
  /** Receives 'scroll' (the whole loop), 'wait' (for the page), 'screenshot' (the browser's part) and 'encode' (PNG pieces). */
  timings: Timings;
}

export interface ScrollCaptureResult {
  segments: Segment[];
  words: Word[];
  pageHeight: number;
  posts: number;
  expanded: number;
  tiles: number;
  /** Why the capture stopped before the end of the page, if it did. */
  cut: 'height' | 'time' | null;
}

interface Metrics {
  scrollY: number;
  innerHeight: number;
  innerWidth: number;
  scrollHeight: number;
}

type RawWord = [string, number, number, number, number];

/** How long to wait for content that loads after a scroll, per viewport. */
const TILE_WAIT_MS = 3_000;
/** How long to wait at the bottom for an infinite feed to add more. */
const GROWTH_WAIT_MS = 2_500;

/**
 * Captures the page by scrolling one viewport at a time and taking each viewport as it is on screen.
 * This is what keeps virtualised feeds whole (X and Facebook remove posts far above the viewport, so
 * a single full-page screenshot after scrolling loses them), loads lazy images and infinite feeds as
 * a reader would, and avoids the trimmed or repeated regions of one huge screenshot. Fixed and stuck
 * sticky elements are shown in the first viewport only. Text is read per viewport, for the same reason.
 */
export async function scrollAndCapture(page: Page, cdp: CDPSession, options: ScrollCaptureOptions): Promise<ScrollCaptureResult> {
  const { platformModule, network, signal, timings } = options;
  const loopStart = performance.now();
  const call = <T>(expression: string) => page.evaluate(expression) as Promise<T>;
  const expandTexts = JSON.stringify(platformModule.expandTexts.map((r) => [r.source, r.flags]));

  let metrics = await call<Metrics>('window.__kanalarkiv.metrics()');
  const stitcher = new Stitcher(options.dir, metrics.innerWidth, options.sliceHeight);
  const words: Word[] = [];
  let captured = 0;
  let posts = 0;
  let expanded = 0;
  let tiles = 0;
  let cut: ScrollCaptureResult['cut'] = null;

  const prepare = (hide: boolean) =>
    call<{ clicked: number; wall: string | null }>(
      `window.__kanalarkiv.prepareTile(${hide}, ${JSON.stringify(platformModule.expandSelectors)}, ${expandTexts}, ${JSON.stringify(platformModule.loginWallSelectors)})`,
    );

  for (;;) {
    if (signal?.aborted) throw new CaptureError('cancelled', 'The capture was cancelled.');
    await timings.time('wait', () => scrollAndSettle(call, captured, network, signal));
    let { clicked, wall } = await prepare(tiles > 0);
    while (clicked > 0 && !wall) {
      // Expanded posts may load more and push buttons of their own into view.
      expanded += clicked;
      await timings.time('wait', () => scrollAndSettle(call, captured, network, signal));
      ({ clicked, wall } = await prepare(false));
    }
    if (wall) throw loginRequired(platformModule);

    const tileFacts = await call<{ metrics: Metrics; words: RawWord[]; posts: number; dates: string[] }>(
      `window.__kanalarkiv.readTile(${captured}, ${options.maxHeight}, ${JSON.stringify(platformModule.postSelector)})`,
    );
    metrics = tileFacts.metrics;
    const top = metrics.scrollY;
    if (top > captured) {
      // The page moved under us (scroll anchoring): nothing between `captured` and `top` can be shown.
      throw new CaptureError('internal', `The page jumped while scrolling (from ${captured} to ${top} px); try again.`);
    }
    const fromRow = captured - top;
    const toRow = Math.min(metrics.innerHeight, options.maxHeight - top);
    const bottom = top + toRow;
    for (const [text, x, y, width, height] of tileFacts.words) words.push({ text, x, y, width, height });
    posts += tileFacts.posts;

    const tile = await timings.time('screenshot', () => screenshotViewport(cdp, stitcher.width));
    if (toRow > fromRow) stitcher.append(tile, fromRow, toRow);
    // Backpressure: no more than one finished slice waits for its compression while scrolling goes on.
    await timings.time('encode-wait', () => stitcher.ready());
    captured = bottom;
    tiles += 1;
    options.onProgress?.(Math.min(1, captured / Math.max(metrics.scrollHeight, 1)));

    if (options.coverage.add(tileFacts.dates)) break;
    if (captured >= options.maxHeight) {
      cut = 'height';
      break;
    }
    if (Date.now() > options.deadline) {
      cut = 'time';
      break;
    }
    if (captured >= metrics.scrollHeight && !(await timings.time('wait', () => waitForGrowth(call, network, captured, signal)))) break;
  }

  await call('window.__kanalarkiv.restoreFloating()');
  timings.add('scroll', performance.now() - loopStart);
  const segments = await timings.time('encode', () => stitcher.finish());
  return { segments, words, pageHeight: stitcher.height, posts, expanded, tiles, cut };
}

export function loginRequired(platformModule: PlatformModule): CaptureError {
  const where = platformModule.platform === 'web' ? 'the site' : platformModule.platform;
  return new CaptureError('login_required', `The page shows a login wall instead of the channel. Log in to ${where} with "kanalarkiv login ${platformModule.platform}" and capture again.`);
}

/**
 * Scrolls to y and lets the page react: two frames (observers fire, layout settles), then, only if
 * something started loading, the requests it made and the images in view.
 */
async function scrollAndSettle(call: <T>(expression: string) => Promise<T>, y: number, network: NetworkMonitor, signal?: AbortSignal): Promise<void> {
  const start = Date.now();
  let pending = await call<number>(`window.__kanalarkiv.scrollTo(${y})`);
  if (pending === 0 && network.isQuiet(100)) return;
  await network.quiet(120, TILE_WAIT_MS, 2_000, signal);
  while (pending > 0 && Date.now() - start < TILE_WAIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    pending = await call<number>('window.__kanalarkiv.pendingImages()');
  }
  // One more pair of frames, so what just loaded is painted before the picture is taken.
  await call(`window.__kanalarkiv.scrollTo(${y})`);
}

/** At the bottom of the page: waits for an infinite feed to add content. True if the page grew. */
async function waitForGrowth(
  call: <T>(expression: string) => Promise<T>,
  network: NetworkMonitor,
  captured: number,
  signal?: AbortSignal,
): Promise<boolean> {
  const start = Date.now();
  while (Date.now() - start < GROWTH_WAIT_MS && !signal?.aborted) {
    const { scrollHeight } = await call<Metrics>('window.__kanalarkiv.metrics()');
    if (scrollHeight > captured) return true;
    // Nothing loading for a while: nothing more is coming.
    if (network.isQuiet(250)) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** The viewport as it is on screen, as raw RGB rows `width` pixels wide. */
async function screenshotViewport(cdp: CDPSession, width: number): Promise<Buffer> {
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true, captureBeyondViewport: false });
  const { data: pixels, info } = await sharp(Buffer.from(data, 'base64')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== width) {
    throw new CaptureError('internal', `The browser returned a ${info.width} px wide screenshot, expected ${width} px.`);
  }
  return pixels;
}
