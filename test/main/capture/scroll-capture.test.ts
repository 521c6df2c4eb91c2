import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { NetworkMonitor } from '../../../src/main/capture/network';
import { CoverageTracker } from '../../../src/main/capture/post-dates';
import { scrollAndCapture } from '../../../src/main/capture/scroll-capture';
import { Timings } from '../../../src/main/capture/timings';
import { web } from '../../../src/main/platforms/web';

const WIDTH = 8;
const HEIGHT = 4;
const PLACEHOLDER = 221;
const PHOTO = 40;

/**
 * A page of one window whose only image is still loading when each picture is about to be taken
 * (`loadingBefore` pictures in a row), has finished by the time the picture is checked, and shows in
 * a picture only once it has loaded: the race seen on the app-shell fixture under load.
 */
function racingPage(loadingBefore: number) {
  let shots = 0;
  const metrics = { offset: 0, innerWidth: WIDTH, innerHeight: HEIGHT, bandTop: 0, bandBottom: HEIGHT, contentHeight: HEIGHT };
  const answers: Array<[string, () => unknown]> = [
    ['findScroller', () => ({ kind: 'document', others: 0 })],
    ['metrics', () => metrics],
    ['scrollTo', () => 0],
    ['prepareTile', () => ({ clicked: 0, pushed: 0, wall: null, shift: { move: 0, skipped: 0 } })],
    ['readTile', () => ({ metrics, fromRow: 0, toRow: HEIGHT, words: [], blocks: [], posts: 0, dates: [], pending: shots < loadingBefore ? 1 : 0 })],
    ['afterTile', () => ({ shift: { move: 0, skipped: 0 }, unsettled: false, pending: 0 })],
    ['growth', () => ({ contentHeight: HEIGHT, loading: false })],
    ['prepareTail', () => null],
  ];
  const page = {
    evaluate: async (expression: string) => answers.find(([name]) => expression.startsWith(`window.__kanalarkiv.${name}(`))?.[1](),
  } as unknown as Page;
  const cdp = {
    send: async () => {
      const value = shots++ < loadingBefore ? PLACEHOLDER : PHOTO;
      const png = await sharp(Buffer.alloc(WIDTH * HEIGHT * 3, value), { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).png().toBuffer();
      return { data: png.toString('base64') };
    },
  } as unknown as CDPSession;
  return { page, cdp, shots: () => shots };
}

async function capture(loadingBefore: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scroll-capture-'));
  const { page, cdp, shots } = racingPage(loadingBefore);
  const network = { isQuiet: () => true, quiet: async () => true } as unknown as NetworkMonitor;
  const result = await scrollAndCapture(page, cdp, {
    dir, platformModule: web, network, maxHeight: 1_000, sliceHeight: 1_000, deadline: Date.now() + 60_000,
    coverage: new CoverageTracker(null, new Date()), timings: new Timings(),
  });
  const { data } = await sharp(path.join(dir, result.segments[0]!.file)).raw().toBuffer({ resolveWithObject: true });
  return { result, shots: shots(), firstPixel: data[0] };
}

describe('scrollAndCapture', () => {
  it('takes the picture again when an image was loading as it was taken, though it has loaded when checked', async () => {
    const { result, shots, firstPixel } = await capture(1);
    expect(shots).toBe(2);
    expect(firstPixel).toBe(PHOTO);
    expect(result.warnings).toEqual([]);
  });

  it('says the image may be missing when it was still loading at every picture it was given', async () => {
    const { result, shots, firstPixel } = await capture(10);
    expect(shots).toBe(3);
    expect(firstPixel).toBe(PLACEHOLDER);
    expect(result.warnings.map((w) => [w.code, w.values])).toEqual([['images_pending', { count: 1 }]]);
  });
});
