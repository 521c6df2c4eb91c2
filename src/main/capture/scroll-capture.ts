import type { CDPSession, Page } from 'playwright-core';
import sharp from 'sharp';
import type { PlatformAdapter } from './adapters';
import { CaptureError } from './errors';
import type { NetworkMonitor } from './network';
import { Stitcher, type Segment } from './stitcher';

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
  adapter: PlatformAdapter;
  network: NetworkMonitor;
  maxHeight: number;
  sliceHeight: number;
  /** Epoch ms after which scrolling stops and the snapshot is cut. */
  deadline: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
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
  const { adapter, network, signal } = options;
  const call = <T>(expression: string) => page.evaluate(expression) as Promise<T>;
  const expandTexts = JSON.stringify(adapter.expandTexts.map((r) => [r.source, r.flags]));

  let metrics = await call<Metrics>('window.__kanalarkiv.metrics()');
  const stitcher = new Stitcher(options.dir, metrics.innerWidth, options.sliceHeight);
  const words: Word[] = [];
  let captured = 0;
  let posts = 0;
  let expanded = 0;
  let tiles = 0;
  let cut: ScrollCaptureResult['cut'] = null;

  for (;;) {
    if (signal?.aborted) throw new CaptureError('cancelled', 'The capture was cancelled.');
    await call(`window.__kanalarkiv.scrollTo(${captured})`);
    await settleViewport(page, network, signal);
    if (tiles > 0) await call('window.__kanalarkiv.hideFloating()');
    const clicked = await call<number>(`window.__kanalarkiv.expand(${JSON.stringify(adapter.expandSelectors)}, ${expandTexts})`);
    if (clicked > 0) {
      expanded += clicked;
      await settleViewport(page, network, signal);
    }
    const wall = await call<string | null>(`window.__kanalarkiv.loginWall(${JSON.stringify(adapter.loginWallSelectors)})`);
    if (wall) throw loginRequired(adapter);

    metrics = await call<Metrics>('window.__kanalarkiv.metrics()');
    const top = metrics.scrollY;
    if (top > captured) {
      // The page moved under us (scroll anchoring): nothing between `captured` and `top` can be shown.
      throw new CaptureError('internal', `The page jumped while scrolling (from ${captured} to ${top} px); try again.`);
    }
    const fromRow = captured - top;
    const toRow = Math.min(metrics.innerHeight, options.maxHeight - top);
    const bottom = top + toRow;

    const raw = await call<RawWord[]>(`window.__kanalarkiv.collectWords(${captured}, ${bottom})`);
    for (const [text, x, y, width, height] of raw) words.push({ text, x, y, width, height });
    posts += await call<number>(`window.__kanalarkiv.countPosts(${JSON.stringify(adapter.postSelector)}, ${captured}, ${bottom})`);

    const tile = await screenshotViewport(cdp, stitcher.width);
    if (toRow > fromRow) stitcher.append(tile, fromRow, toRow);
    captured = bottom;
    tiles += 1;
    options.onProgress?.(Math.min(1, captured / Math.max(metrics.scrollHeight, 1)));

    if (captured >= options.maxHeight) {
      cut = 'height';
      break;
    }
    if (Date.now() > options.deadline) {
      cut = 'time';
      break;
    }
    if (captured >= metrics.scrollHeight && !(await waitForGrowth(call, network, captured, signal))) break;
  }

  await call('window.__kanalarkiv.restoreFloating()');
  const segments = await stitcher.finish();
  return { segments, words, pageHeight: stitcher.height, posts, expanded, tiles, cut };
}

export function loginRequired(adapter: PlatformAdapter): CaptureError {
  const where = adapter.platform === 'web' ? 'the site' : adapter.platform;
  return new CaptureError('login_required', `The page shows a login wall instead of the channel. Log in to ${where} with "kanalarkiv login ${adapter.platform}" and capture again.`);
}

/** Lets the page react to the scroll: two frames, then the loads it started, then its images. */
async function settleViewport(page: Page, network: NetworkMonitor, signal?: AbortSignal): Promise<void> {
  const start = Date.now();
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  await network.quiet(120, TILE_WAIT_MS, 2_000, signal);
  while (Date.now() - start < TILE_WAIT_MS && (await page.evaluate('window.__kanalarkiv.pendingImages()')) as number > 0) {
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
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
    // Once the network has been quiet for a while nothing more is coming.
    if (Date.now() - start > 300 && network.isQuiet(400)) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
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
