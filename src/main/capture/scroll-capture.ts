import type { CDPSession, Page } from 'playwright-core';
import sharp from 'sharp';
import { captureWarning, type CaptureWarning } from '../../shared/capture-warnings';
import { readingRanks, type BlockBox } from '../record/text';
import type { Word } from '../record/words';
import type { PlatformModule } from '../platforms';
import { barrierFailure } from './access';
import { CaptureError } from './errors';
import type { NetworkMonitor } from './network';
import type { Shift, TextRead } from './page/api';
import { helpers, type Helpers } from './page-helpers';
import type { CoverageTracker } from './post-dates';
import { Stitcher, type Segment } from './stitcher';
import type { Timings } from './timings';

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
  /** Where the strip of bottom bars, shown once at the end, lies in the picture; null for none. */
  bottomStrip: { top: number; height: number } | null;
  posts: number;
  expanded: number;
  tiles: number;
  /** Why the capture stopped before the end of the page, if it did. */
  cut: 'height' | 'time' | null;
  /** What the record must say it misses, or how it was made differently from the page. */
  warnings: CaptureWarning[];
}

/** How long to wait for content that loads after a scroll, per viewport. */
const TILE_WAIT_MS = 3_000;
/** How long to wait at the bottom for an infinite feed to add more. */
const GROWTH_WAIT_MS = 2_500;
/** How long to wait at the bottom while the page shows a loading indicator. */
const LOADING_WAIT_MS = 10_000;
/** Times in a row the page may move under the capture before a picture is kept anyway. */
const MAX_MOVES = 5;
/** Times a picture is taken again because the page was still changing while it was taken. */
const MAX_RETAKES = 2;
/** Login dialogs closed in a row, on one screen, before the page counts as walled. */
const MAX_CLOSINGS = 3;

/**
 * Captures the page by scrolling one band at a time and taking each as it is on screen. This is what
 * keeps virtualised feeds whole (X and Facebook remove posts far above the viewport, so a single
 * full-page screenshot after scrolling loses them), loads lazy images and infinite feeds as a reader
 * would, and avoids the trimmed or repeated regions of one huge screenshot.
 *
 * The capture follows the content, not the scroll position: before and after each picture it
 * measures the elements at the last captured row, and when content was added or grew above them
 * ("3 new posts", an image loading), it continues from where they are now, so no row is stitched
 * twice. Fixed elements are shown on the first screen only, bars along the bottom once at the end.
 */
export async function scrollAndCapture(page: Page, cdp: CDPSession, options: ScrollCaptureOptions): Promise<ScrollCaptureResult> {
  const { platformModule, network, signal, timings } = options;
  const loopStart = performance.now();
  const helper = helpers(page);
  const warnings: CaptureWarning[] = [];

  const layout = await helper.findScroller();
  if (layout.kind === 'clipped') {
    warnings.push(captureWarning('not_scrollable'));
  }
  if (layout.others > 0) {
    warnings.push(captureWarning('other_scrollers', { count: layout.others }));
  }

  let metrics = await helper.metrics();
  const stitcher = new Stitcher(options.dir, metrics.innerWidth, options.sliceHeight);
  const words: Word[] = [];
  /** The content coordinate of the first row not yet in the picture. */
  let captured = 0;
  let posts = 0;
  let expanded = 0;
  let tiles = 0;
  let moves = 0;
  let retakes = 0;
  // Images still loading in a picture that had to be kept as it was: the record says they are missing.
  let pendingImages = 0;
  let closings = 0;
  let idle = 0;
  let inserted = 0;
  let skipped = 0;
  let cut: ScrollCaptureResult['cut'] = null;
  const moved = (shift: Shift) => {
    captured += shift.move;
    inserted += shift.skipped;
  };

  const prepare = (first: boolean) => helper.prepareTile(first, captured);
  // Each block's box where it was first seen, in rows of the picture, to read the blocks in order at the end.
  const blocks = new Map<number, BlockBox>();
  const keep = (tile: Buffer, fromRow: number, toRow: number, read: TextRead) => {
    const top = stitcher.height - fromRow;
    for (const [text, x, y, width, height, block] of read.words) words.push({ text, x, y: y + top, width, height, block });
    for (const [id, x, y, width, height] of read.blocks) if (!blocks.has(id)) blocks.set(id, { id, top: y + top, bottom: y + top + height, left: x, right: x + width });
    stitcher.append(tile, fromRow, toRow);
  };

  for (;;) {
    if (signal?.aborted) throw new CaptureError('cancelled', 'The capture was cancelled.');
    const first = tiles === 0;
    const target = first ? 0 : Math.max(0, captured - metrics.bandTop);
    await timings.time('wait', () => scrollAndSettle(helper, target, network, signal));
    let { clicked, pushed, wall, shift } = await prepare(first);
    while (clicked > 0 && !wall) {
      if (pushed > 0) await goBack(page, pushed, warnings);
      // Expanded posts may load more and push buttons of their own into view.
      expanded += clicked;
      await timings.time('wait', () => scrollAndSettle(helper, target, network, signal));
      const again = await prepare(first);
      ({ clicked, pushed, wall } = again);
      shift = { move: shift.move + again.shift.move, skipped: shift.skipped + again.shift.skipped };
    }
    if (wall === 'closing' && closings++ < MAX_CLOSINGS) {
      // A closable login dialog was closed: look again once the page has taken it away.
      await timings.time('wait', () => scrollAndSettle(helper, target, network, signal));
      continue;
    }
    const barred = barrierFailure(wall, platformModule);
    if (barred) throw barred;
    if (shift.move !== 0) {
      moved(shift);
      if (moves++ < MAX_MOVES) continue;
    }

    const tile = await helper.readTile(first, captured, options.maxHeight - stitcher.height);
    metrics = tile.metrics;
    if (!first && tile.fromRow < metrics.bandTop) {
      // The page is further down than it was scrolled to: it scrolled by itself.
      if (moves++ < MAX_MOVES) continue;
      skipped += metrics.bandTop - tile.fromRow;
      captured = metrics.offset + metrics.bandTop;
      moves = 0;
      continue;
    }
    const { fromRow, toRow } = tile;
    const shot = await timings.time('screenshot', () => screenshotViewport(cdp, stitcher.width));
    const after = await helper.afterTile(captured, fromRow, toRow, metrics.contentHeight);
    if (after.shift.move !== 0 && moves < MAX_MOVES) {
      // The page moved while the picture was taken: some of its rows may already be in the image.
      moved(after.shift);
      moves++;
      continue;
    }
    // An image loading when the picture was taken may have finished by the time it is checked, but
    // not in the picture: one loading before the picture makes it as unsettled as one loading after.
    const loading = Math.max(tile.pending, after.pending);
    const unsettled = after.unsettled || loading > 0;
    if (unsettled && retakes < MAX_RETAKES) {
      // The feed grew or an image was still loading: the words read before the picture may not match it.
      retakes++;
      continue;
    }
    if (after.shift.move !== 0 || unsettled) await helper.anchorAt(toRow);
    moves = 0;
    retakes = 0;
    closings = 0;
    if (toRow > fromRow) {
      pendingImages += loading;
      keep(shot, fromRow, toRow, tile);
      idle = 0;
    } else idle += 1;
    posts += tile.posts;
    // Backpressure: no more than one finished slice waits for its compression while scrolling goes on.
    await timings.time('encode-wait', () => stitcher.ready());
    captured = metrics.offset + toRow + after.shift.move;
    tiles += 1;
    options.onProgress?.(Math.min(1, captured / Math.max(metrics.contentHeight, 1)));

    if (options.coverage.add(tile.dates)) break;
    if (stitcher.height >= options.maxHeight) {
      cut = 'height';
      break;
    }
    if (Date.now() > options.deadline) {
      cut = 'time';
      break;
    }
    if (idle >= 2) break;
    if (captured >= metrics.contentHeight && !(await timings.time('wait', () => waitForGrowth(helper, network, captured, signal)))) break;
  }

  let bottomStrip: ScrollCaptureResult['bottomStrip'] = null;
  if (cut !== 'height') {
    const tailTop = await helper.prepareTail();
    if (tailTop !== null) {
      const shot = await timings.time('screenshot', () => screenshotViewport(cdp, stitcher.width));
      const toRow = Math.min(metrics.innerHeight, tailTop + options.maxHeight - stitcher.height);
      if (toRow > tailTop) bottomStrip = { top: stitcher.height, height: toRow - tailTop };
      keep(shot, tailTop, toRow, await helper.tailWords(tailTop));
    }
  }
  await helper.restore();
  if (inserted > 0) {
    warnings.push(captureWarning('content_inserted', { px: inserted }));
  }
  if (skipped > 0) {
    warnings.push(captureWarning('scrolled_itself', { px: skipped }));
  }
  if (pendingImages > 0) warnings.push(captureWarning('images_pending', { count: pendingImages }));
  // Blocks numbered in the order a reader takes them (record/text.ts), so page.txt and search read them so.
  const ranks = readingRanks([...blocks.values()]);
  for (const word of words) if (word.block !== undefined) word.block = ranks.get(word.block) ?? word.block;
  timings.add('scroll', performance.now() - loopStart);
  const segments = await timings.time('encode', () => stitcher.finish());
  return { segments, words, pageHeight: stitcher.height, bottomStrip, posts, expanded, tiles, cut, warnings };
}

/**
 * A click took a single-page app to another view: it changed the address without loading a page
 * (a document load is stopped by the navigation guard). Going back as many steps returns to the channel.
 */
async function goBack(page: Page, steps: number, warnings: CaptureWarning[]): Promise<void> {
  warnings.push(captureWarning('address_changed', { url: page.url().slice(0, 200) }));
  await page.evaluate(`new Promise((resolve) => { addEventListener('popstate', () => setTimeout(resolve, 50), { once: true }); setTimeout(resolve, 2000); history.go(-${steps}); })`);
}

/**
 * Scrolls to offset y and lets the page react: two frames (observers fire, layout settles), then, only if
 * something started loading, the requests it made and the images in view.
 */
async function scrollAndSettle(helper: Helpers, y: number, network: NetworkMonitor, signal?: AbortSignal): Promise<void> {
  const start = Date.now();
  let pending = await helper.scrollTo(y);
  if (pending === 0 && network.isQuiet(100)) return;
  await network.quiet(120, TILE_WAIT_MS, 2_000, signal);
  while (pending > 0 && Date.now() - start < TILE_WAIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    pending = await helper.pendingImages();
  }
  // One more pair of frames, so what just loaded is painted before the picture is taken.
  await helper.scrollTo(y);
}

/** At the bottom of the page: waits for an infinite feed to add content. True if the page grew. */
async function waitForGrowth(helper: Helpers, network: NetworkMonitor, captured: number, signal?: AbortSignal): Promise<boolean> {
  const start = Date.now();
  for (;;) {
    const { contentHeight, loading } = await helper.growth();
    if (contentHeight > captured) return true;
    const waited = Date.now() - start;
    if (signal?.aborted || waited >= (loading ? LOADING_WAIT_MS : GROWTH_WAIT_MS)) return false;
    // Nothing loading for a while, and nothing says more is coming: the feed has ended.
    if (!loading && network.isQuiet(250)) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
