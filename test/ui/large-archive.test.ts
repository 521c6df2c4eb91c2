import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { browserArgs, findBrowser } from '../../src/main/capture/browser';
import { runCapture } from '../../src/main/pipeline/run';
import { MemoryStorage } from '../../src/main/storage';
import { startFixtureSite } from '../fixtures/site/server';
import { startBridge, type Bridge } from './bridge';
import { noShell } from '../helpers/shell';

const CHANNELS = 120;
const PER_CHANNEL = 5;
let bridge: Bridge;
let browser: Browser;

/** An archive of 600 snapshots: one real capture, copied under 120 channels × 5 times. */
beforeAll(async () => {
  const archive = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-large-'));
  const site = await startFixtureSite();
  const [result] = await runCapture({ channels: [{ id: 'mall', name: 'Mall', platform: 'web', url: site.url('/plain'), unit: 'U', owners: ['A', 'B'], pageOwner: '', notes: '', active: true }], archiveDir: archive, reason: 'Test', organisation: '', timeoutMs: 60_000, concurrency: 1, profilesRoot: null });
  await site.close();
  const template = result!.bag!;
  const meta = JSON.parse(readFileSync(path.join(template, 'data', 'metadata.json'), 'utf8'));
  for (let c = 0; c < CHANNELS; c++) {
    for (let s = 0; s < PER_CHANNEL; s++) {
      const taken = new Date(Date.UTC(2024 + Math.floor(s / 2), (s % 2) * 5 + 3, 14, 8, c % 60));
      const bag = path.join(archive, `kanal-${c}`, `${taken.toISOString().replace(/[:.]/g, '')}-${s}`);
      cpSync(template, bag, { recursive: true });
      chmodSync(path.join(bag, 'data'), 0o755);
      chmodSync(path.join(bag, 'data', 'metadata.json'), 0o644);
      writeFileSync(path.join(bag, 'data', 'metadata.json'), JSON.stringify({ ...meta, channel: { ...meta.channel, id: `kanal-${c}`, name: `Kanal ${c}` }, capture: { ...meta.capture, startedAt: taken.toISOString() } }));
    }
  }
  expect(readdirSync(archive).length).toBeGreaterThan(CHANNELS);
  const storage = new MemoryStorage();
  storage.set('settings', { organisation: '', archiveDir: archive, browserPath: '', language: 'sv' });
  bridge = await startBridge((publishCapture) => createHandlers({ storage, defaultArchiveDir: archive, profilesRoot: path.join(archive, '..', 'p'), publishCapture, showPdf: async () => undefined, ...noShell() }));
  browser = await chromium.launch({ executablePath: findBrowser(undefined).executablePath, args: browserArgs() });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

describe('an archive of 600 snapshots', () => {
  it('lists every snapshot, but fetches thumbnails only for those in view', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(bridge.script);
    const page = await context.newPage();
    await page.goto(bridge.url);
    const start = Date.now();
    await page.getByRole('button', { name: 'Arkiv' }).click();
    await page.getByRole('region', { name: /^Kanal 119/ }).waitFor();
    const shownMs = Date.now() - start;
    expect(await page.locator('li.snapshot').count()).toBeGreaterThanOrEqual(CHANNELS * PER_CHANNEL);
    await page.waitForTimeout(500);
    const thumbnails = bridge.calls.get('getThumbnail') ?? 0;
    expect(thumbnails).toBeGreaterThan(0);
    expect(thumbnails).toBeLessThan(40);
    console.log(`600 snapshots listed in ${shownMs} ms; ${thumbnails} thumbnails fetched`);

    // The filters work on the list already read: choosing one shows its records without asking the core again.
    const listed = bridge.calls.get('listSnapshots');
    const filterStart = Date.now();
    await page.getByLabel('Kanal', { exact: true }).selectOption({ label: 'Kanal 77' });
    await page.getByText(/5 av 60\d handlingar visas\./).waitFor();
    const filteredMs = Date.now() - filterStart;
    expect(await page.locator('li.snapshot').count()).toBe(5);
    await page.getByLabel('Kanal', { exact: true }).selectOption({ label: 'Alla' });
    await page.getByLabel('Ordning').selectOption({ label: 'Nyast först' });
    await expect.poll(() => page.locator('ol.records > li').count()).toBeGreaterThanOrEqual(600);
    expect(bridge.calls.get('listSnapshots')).toBe(listed);
    console.log(`filtered to one channel of 600 snapshots in ${filteredMs} ms`);
  });
});
