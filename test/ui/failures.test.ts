import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { CaptureError } from '../../src/main/capture/errors';
import { MemoryStorage } from '../../src/main/storage';
import type { KanalarkivApi } from '../../src/shared/ipc';
import { ROOT } from '../helpers/cli';
import { noShell } from '../helpers/shell';
import { accessibilityProblems } from './axe';
import { openApp, SHOTS, startBridge, type Bridge } from './bridge';

/**
 * What a screen does when a call to the main process fails: it says so in Swedish, with the detail
 * after it, and is ready for the next try; nothing is left "loading" or "checking".
 */
let bridge: Bridge;
let browser: Browser;
let page: Page;
const archive = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-ui-failures-'));
const failing = new Set<keyof KanalarkivApi>();

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('Build the renderer first: npm run build');
  const storage = new MemoryStorage();
  storage.set('settings', { organisation: 'Umeå kommun', archiveDir: archive, browserPath: '', language: 'sv', rounds: '', autoCapture: false });
  bridge = await startBridge((publishCapture) => {
    const real = createHandlers({ storage, defaultArchiveDir: archive, profilesRoot: path.join(archive, 'profiles'), publishCapture, showPdf: async () => undefined, ...noShell() });
    // The same core, with chosen calls failing as a full disk or a missing browser would make them.
    return new Proxy(real, {
      get: (target, name: keyof KanalarkivApi) => (failing.has(name)
        ? async () => { throw name === 'openLogin' ? new CaptureError('browser_missing', 'No Edge, Chrome or Chromium was found.') : new Error('ENOSPC: no space left on device'); }
        : target[name]),
    });
  });
  ({ browser, page } = await openApp(bridge));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

describe('failed calls, in Chromium, against the real core', () => {
  it('Arkiv: a failed fixity check is explained and the button can be pressed again', async () => {
    failing.add('verifyArchive');
    await page.getByRole('button', { name: 'Arkiv' }).click();
    await page.getByRole('button', { name: 'Kontrollera arkivet' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Något gick fel i Kanalarkiv' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('ENOSPC');
    expect(await page.getByRole('button', { name: 'Kontrollera arkivet' }).isEnabled()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    failing.delete('verifyArchive');
    await page.getByRole('button', { name: 'Kontrollera arkivet' }).click();
    await page.getByText('0 av 0').waitFor();
  });

  it('Arkiv: an empty archive leads to its first capture, not to the command line', async () => {
    await page.getByRole('button', { name: 'Arkiv', exact: true }).click();
    await page.getByText('Arkivet är tomt. Ta den första ögonblicksbilden under ”Ta ögonblicksbilder”.').waitFor();
    expect(await page.getByText('kommandoraden').count()).toBe(0);
    await page.getByRole('main').getByRole('button', { name: 'Ta ögonblicksbilder' }).click();
    await page.getByRole('heading', { name: 'Ta ögonblicksbilder', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Arkiv', exact: true }).click();
  });

  it('Arkiv: a damaged handover log is named in Swedish, line by line', async () => {
    writeFileSync(path.join(archive, 'handover-log.jsonl'), 'avskuren rad\n');
    await page.getByRole('button', { name: 'Kontrollera arkivet' }).click();
    await page.getByText('Rad 1 är avskuren eller ingen loggrad.').waitFor();
    expect(await page.getByText('not a log entry').count()).toBe(0);
    rmSync(path.join(archive, 'handover-log.jsonl'));
  });

  it('Kanaler: a login window that cannot open says why in Swedish, by the button', async () => {
    failing.add('openLogin');
    await page.getByRole('button', { name: 'Kanaler', exact: true }).click();
    await page.getByRole('button', { name: 'Logga in på Facebook' }).click();
    await page.getByText('Ingen webbläsare hittades').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'inloggning-misslyckad.png') });
    expect(await page.getByRole('button', { name: 'Logga in på Facebook' }).isEnabled()).toBe(true);
  });

  it('a screen whose data cannot be read says so instead of loading for ever', async () => {
    failing.add('getHandoverOverview');
    await page.getByRole('button', { name: 'Överlämna' }).click();
    await page.getByRole('alert').filter({ hasText: 'ENOSPC' }).waitFor();
    expect(await page.getByText('Laddar …').count()).toBe(0);
  });
});
