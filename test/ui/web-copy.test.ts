import os from 'node:os';
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { runCapture } from '../../src/main/pipeline/run';
import { MemoryStorage } from '../../src/main/storage';
import { WEB_COPY_FETCHED, startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { noShell } from '../helpers/shell';
import { makeTsaKeys, startLocalTsa, type LocalTsa } from '../helpers/tsa';
import { openApp, SHOTS, startBridge, type Bridge } from './bridge';

let site: FixtureSite;
let bridge: Bridge;
let browser: Browser;
let page: Page;
const opened: string[] = [];
let hitsAfterCapture = 0;
let tsa: LocalTsa;

/** A record of a page that fetches part of its text after it loads, opened in the archive screen. */
beforeAll(async () => {
  const archive = path.join(mkdtempSync(path.join(os.tmpdir(), 'ui-webcopy-')), 'arkiv');
  site = await startFixtureSite();
  tsa = await startLocalTsa();
  const kultur = { id: 'kultur', name: 'Kultur Umeå', platform: 'web' as const, url: site.url('/web-copy/start'), unit: 'Kulturförvaltningen', owners: ['Anna Berg'], pageOwner: 'Anna Berg', notes: '', active: true };
  const [result] = await runCapture({ channels: [kultur], archiveDir: archive, reason: 'Regelbunden ögonblicksbild', organisation: 'Umeå kommun', timeoutMs: 60_000, concurrency: 1, profilesRoot: null, tsaUrl: tsa.url });
  expect(result!.status).toBe('ok');
  hitsAfterCapture = [...site.hits.values()].reduce((sum, n) => sum + n, 0);
  const storage = new MemoryStorage();
  storage.set('settings', { organisation: 'Umeå kommun', archiveDir: archive, browserPath: '', language: 'sv', rounds: '', autoCapture: false });
  bridge = await startBridge((publishCapture) => createHandlers({
    storage, defaultArchiveDir: archive, profilesRoot: path.join(archive, '..', 'profiles'), publishCapture, showPdf: async () => undefined, ...noShell(),
    showWebCopy: async (copy) => void opened.push(bridge.webCopies.add(copy)),
  }));
  ({ browser, page } = await openApp(bridge));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  await site?.close();
  await tsa?.close();
});

/** The replayed page's frame, once it shows `text`. */
async function frameShowing(replay: Page, text: string): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    for (const frame of replay.frames()) {
      if ((await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '')).includes(text)) return frame;
    }
    await replay.waitForTimeout(200);
  }
  throw new Error(`no frame of the replay shows "${text}"`);
}

describe("the record's web copy in the app", () => {
  it('"Öppna webbkopian" replays the page from the record alone: its text, its picture and what it fetched, with nothing asked of the web', async () => {
    await page.getByRole('button', { name: 'Arkiv', exact: true }).click();
    await page.getByRole('button', { name: /^Visa ögonblicksbilden av Kultur Umeå/ }).click();
    await page.getByRole('button', { name: 'Öppna webbkopian' }).waitFor();
    // The record's trusted timestamp, as its record view shows it.
    const stamp = page.locator('.record dl dt:text-is("Betrodd tidsstämpel") + dd');
    await expect.poll(() => stamp.textContent()).toMatch(/^Stämplad .+ av CN=.+\. Stämpeln gäller handlingen som den är nu\. Om tjänsten är betrodd prövas när tjänstens rotcertifikat är angivet under Inställningar\./);
    await page.screenshot({ path: path.join(SHOTS, 'handling-med-webbkopia.png') });
    await page.getByRole('button', { name: 'Öppna webbkopian' }).click();
    await expect.poll(() => opened.length).toBe(1);

    const replay = await page.context().newPage();
    const requests: string[] = [];
    replay.on('request', (request) => requests.push(request.url()));
    await replay.goto(opened[0]!);
    await replay.getByText('Webbkopia från arkivet').waitFor();
    expect(await replay.locator('header').textContent()).toContain('Inget hämtas från webben');
    const frame = await frameShowing(replay, WEB_COPY_FETCHED);
    expect(await frame.evaluate(() => document.body.innerText)).toContain('Kultur Umeå på webben');
    // The picture came out of the copy too: it has its size, so it was decoded.
    await expect.poll(() => frame.evaluate(() => (document.querySelector('img') as HTMLImageElement | null)?.naturalWidth ?? 0)).toBe(200);
    await replay.screenshot({ path: path.join(SHOTS, 'webbkopia.png') });

    // Every request of the replay went to the app's own server; the live site was asked nothing.
    const origin = new URL(bridge.url).origin;
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(blob|data):/.test(url))).toEqual([]);
    expect([...site.hits.values()].reduce((sum, n) => sum + n, 0)).toBe(hitsAfterCapture);
    await replay.close();
  });

  it("checks the record's stamp against the archive's trusted root once it is set in Inställningar, and refuses one that is no certificate", async () => {
    await page.getByRole('button', { name: 'Inställningar', exact: true }).click();
    const roots = page.getByLabel('Tidsstämpeltjänstens rotcertifikat');
    await roots.fill('inte ett certifikat');
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByText('Rotcertifikaten går inte att läsa').waitFor();
    await roots.fill(readFileSync(tsa.caFile, 'utf8'));
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByText('Inställningarna är sparade.').waitFor();

    await page.getByRole('button', { name: 'Arkiv', exact: true }).click();
    await page.getByRole('button', { name: /^Visa ögonblicksbilden av Kultur Umeå/ }).click();
    const stamp = page.locator('.record dl dt:text-is("Betrodd tidsstämpel") + dd');
    await expect.poll(() => stamp.textContent()).toContain('Tjänsten är betrodd: dess certifikat leder till ett av arkivets rotcertifikat.');

    // Another authority's root: the stamp still holds, but its authority is not one the archive trusts.
    await page.getByRole('button', { name: 'Inställningar', exact: true }).click();
    await roots.fill(readFileSync(makeTsaKeys('En annan tjänst').caFile, 'utf8'));
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByText('Inställningarna är sparade.').waitFor();
    await page.getByRole('button', { name: 'Arkiv', exact: true }).click();
    await page.getByRole('button', { name: /^Visa ögonblicksbilden av Kultur Umeå/ }).click();
    await expect.poll(() => stamp.textContent()).toContain('Men tjänsten är inte betrodd');
  });
});
