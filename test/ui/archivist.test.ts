import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { runCapture } from '../../src/main/pipeline/run';
import { MemoryStorage } from '../../src/main/storage';
import { startFixtureSite } from '../fixtures/site/server';
import { makeArchive, type TestArchive } from '../helpers/archive';
import { pdfaViolations } from '../helpers/pdfa';
import { noShell } from '../helpers/shell';
import { accessibilityProblems } from './axe';
import { openApp, SHOTS, startBridge, type Bridge } from './bridge';

let archive: TestArchive;
let bridge: Bridge;
let browser: Browser;
let page: Page;
const upload = mkdtempSync(path.join(os.tmpdir(), 'ui-archivist-upload-'));
const saved = mkdtempSync(path.join(os.tmpdir(), 'ui-archivist-saved-'));

/** Damages a record as a failing disk or a person would: bags are read-only, so unlock the file first. */
function damage(ref: string, file: string): void {
  const target = path.join(archive.dir, ...ref.split('/'), 'data', file);
  chmodSync(path.dirname(target), 0o755);
  chmodSync(target, 0o644);
  writeFileSync(target, 'ändrad i efterhand');
}

/**
 * The archive of the handover tests (three channels in the April round), and one more snapshot of
 * Kultur Umeå the same day, outside every round, before the account is closed.
 */
beforeAll(async () => {
  archive = await makeArchive('ui-archivist');
  const site = await startFixtureSite();
  const kultur = { id: 'kultur', name: 'Kultur Umeå', platform: 'web' as const, url: site.url('/plain'), unit: 'Kulturförvaltningen', owners: ['Anna Berg', 'Olof Lind'], pageOwner: 'Anna Berg', notes: '', active: true };
  const [closing] = await runCapture({ channels: [kultur], archiveDir: archive.dir, reason: 'Innan kontot avslutas', organisation: 'Umeå kommun', timeoutMs: 60_000, concurrency: 1, profilesRoot: null });
  await site.close();
  expect(closing!.status).toBe('ok');
  const storage = new MemoryStorage();
  storage.set('settings', { organisation: 'Umeå kommun', archiveDir: archive.dir, browserPath: '', language: 'sv', rounds: '', autoCapture: false });
  storage.set('handover', { registrar: '' });
  const saveFile = async (name: string, bytes: Uint8Array) => {
    const file = path.join(saved, name);
    writeFileSync(file, bytes);
    return file;
  };
  bridge = await startBridge((publishCapture) => createHandlers({ storage, defaultArchiveDir: archive.dir, profilesRoot: path.join(archive.dir, '..', 'ui-archivist-profiles'), publishCapture, showPdf: async () => undefined, ...noShell(), saveFile }));
  ({ browser, page } = await openApp(bridge));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

describe("the archivist's archive screen", () => {
  it('filters by platform, round, kind and date, and orders newest first across channels', async () => {
    await page.getByRole('button', { name: 'Arkiv', exact: true }).click();
    const count = page.locator('.filter-count');
    await expect.poll(() => count.textContent()).toContain('4 av 4 handlingar visas.');
    await page.getByLabel('Plattform').selectOption({ label: 'Facebook' });
    await expect.poll(() => page.locator('li.snapshot').count()).toBe(1);
    await page.getByRole('region', { name: /^Skolan/ }).waitFor();
    await page.getByLabel('Plattform').selectOption({ label: 'Alla' });
    await page.getByLabel('Omgång').selectOption({ label: 'Utanför omgång' });
    await expect.poll(() => page.locator('li.snapshot').count()).toBe(1);
    expect(await page.locator('li.snapshot').textContent()).toContain('Innan kontot avslutas');
    await page.getByLabel('Omgång').selectOption({ label: 'Aprilomgången 2026' });
    await expect.poll(() => count.textContent()).toContain('3 av 4 handlingar visas.');
    await page.getByLabel('Slag').selectOption({ label: 'Sparade kommentarer' });
    await page.getByText('Inga handlingar passar urvalet.').waitFor();
    await page.getByRole('button', { name: 'Visa alla' }).click();
    await expect.poll(() => page.locator('li.snapshot').count()).toBe(4);

    // Every snapshot was taken today: a range that ends yesterday shows none, one that starts today all.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    const yesterday = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() - 86_400_000));
    await page.getByLabel('Till och med').fill(yesterday);
    await expect.poll(() => page.locator('li.snapshot').count()).toBe(0);
    await page.getByLabel('Till och med').fill('');
    await page.getByLabel('Från och med').fill(today);
    await expect.poll(() => page.locator('li.snapshot').count()).toBe(4);

    await page.getByLabel('Ordning').selectOption({ label: 'Nyast först' });
    const first = page.locator('ol.records > li').first();
    await expect.poll(() => first.textContent()).toContain('Innan kontot avslutas');
    await page.getByLabel('Ordning').selectOption({ label: 'Äldst först' });
    await expect.poll(() => page.locator('ol.records > li').last().textContent()).toContain('Innan kontot avslutas');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'arkiv-urval.png'), fullPage: true });
    await page.getByRole('button', { name: 'Visa alla' }).click();
  });

  it('opens a record with whose it is, its round and fixity, takes the focus there, and gives it back on leaving', async () => {
    const closing = page.locator('li.snapshot').filter({ hasText: 'Innan kontot avslutas' });
    const ref = await closing.getByRole('button', { name: /^Visa ögonblicksbilden av Kultur Umeå/ }).getAttribute('data-open');
    await closing.getByRole('button', { name: /^Visa ögonblicksbilden av Kultur Umeå/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('record-heading');
    const facts = page.locator('.record dl');
    const fact = (name: string) => facts.locator(`dt:text-is("${name}") + dd`);
    expect(await fact('Organisation').textContent()).toBe('Umeå kommun');
    expect(await fact('Sidansvarig').textContent()).toBe('Anna Berg');
    expect(await fact('Kontoansvariga').textContent()).toBe('Anna Berg, Olof Lind');
    expect(await fact('Omgång').textContent()).toBe('Utanför omgång');
    await expect.poll(() => fact('Oförändrad?').textContent()).toBe('Ja, varje fil är som när den arkiverades.');
    expect(await fact('Operativsystem').textContent()).not.toMatch(/#\d+ SMP/);
    await page.getByRole('img', { name: 'Skärmbild 1 av 1 av ögonblicksbilden av Kultur Umeå' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'handling.png'), fullPage: true });

    // Compared with the April snapshot of the same day: the older is on the left, and both say their seconds.
    await page.getByRole('button', { name: 'Jämför', exact: true }).click();
    const panes = page.locator('.pane-wrap h4');
    await expect.poll(() => panes.allTextContents()).toEqual([expect.stringMatching(/^Äldre: .* \d{2}:\d{2}:\d{2}$/), expect.stringMatching(/^Nyare: .* \d{2}:\d{2}:\d{2}$/)]);
    await page.getByRole('heading', { name: 'Skillnader i sidans text' }).waitFor();
    await page.getByText('Texten är densamma i båda.').waitFor();
    await page.getByRole('button', { name: 'Tillbaka' }).click();
    await page.getByRole('heading', { name: /^Kultur Umeå, / }).waitFor();
    await page.getByRole('button', { name: 'Tillbaka' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-open'))).toBe(ref);
  });

  it('says by channel and date what a fixity check found, in plain words with what to do, and marks the record', async () => {
    damage(archive.refs[1]!, 'page.txt');
    await page.getByRole('button', { name: 'Kontrollera arkivet' }).click();
    const report = page.locator('.report');
    await report.getByText('3 av 4 ögonblicksbilder är oförändrade.').waitFor();
    await report.getByText(/^Biblioteken, \d+ \w+\.? \d{4}/).waitFor();
    await report.getByText('Sidans text har ändrats sedan den arkiverades.').waitFor();
    await report.getByText(/Filarkivet har ingen kopia av den\. Be IT återställa mappen bibliotek\//).waitFor();
    expect(await report.textContent()).not.toContain('Felaktig');
    expect(await page.locator('li.snapshot.damaged').count()).toBe(1);
    expect(await page.locator('li.snapshot.damaged').textContent()).toContain('Skadad');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'arkiv-kontroll.png'), fullPage: true });
    // The report, as a PDF/A to file: the same words, and every record checked.
    await page.getByRole('button', { name: 'Spara rapporten (PDF)' }).click();
    await page.locator('.report').getByText(/Rapporten sparades i .*Kontroll av arkivet \d{4}-\d{2}-\d{2}\.pdf\./).waitFor();
    const [pdf] = readdirSync(saved).filter((f) => f.startsWith('Kontroll av arkivet'));
    expect(pdfaViolations(path.join(saved, pdf!))).toEqual([]);
    const text = execFileSync('pdftotext', [path.join(saved, pdf!), '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('3 av 4 ögonblicksbilder är oförändrade; 1 är skadade.');
    expect(text).toMatch(/Ögonblicksbild Biblioteken, \d+ dec\. 2026 \d{2}:\d{2}:\d{2}/);
    expect(text).toContain('Sidans text har ändrats sedan den arkiverades.');
    expect(text).toContain('Filarkivet har ingen kopia av den.');
    expect(text.match(/Oförändrad /g)).toHaveLength(3);
    // The record itself says so too.
    await page.getByRole('button', { name: /^Visa ögonblicksbilden av Biblioteken/ }).click();
    await page.locator('.record dl').getByText('Sidans text har ändrats sedan den arkiverades.').waitFor();
    await page.getByRole('button', { name: 'Tillbaka' }).click();
  });

  it('finds records holding every word searched for, grouped per record with the words marked', async () => {
    await page.getByLabel('Sök i arkiverad text').fill('evenemang kultur');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText(/^\d+ handlingar innehåller ”evenemang kultur”$/).waitFor();
    const hit = page.locator('li.hit').first();
    const marked = (await hit.locator('mark').allTextContents()).map((m) => m.toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['evenemang']));
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'arkiv-sok.png'), fullPage: true });
    await hit.getByRole('button', { name: /^Visa ögonblicksbilden av / }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('record-heading');
    // The record opens at the hit, marked on the picture where the word stands.
    await page.getByText('Träffen är markerad på skärmbild 1.').waitFor();
    const mark = page.locator('.hit-mark');
    const picture = page.getByRole('img', { name: /^Skärmbild 1 av/ });
    await picture.waitFor();
    const [markBox, pictureBox] = [await mark.boundingBox(), await picture.boundingBox()];
    expect(markBox!.width).toBeGreaterThan(10);
    expect(markBox!.x).toBeGreaterThan(pictureBox!.x);
    expect(markBox!.y).toBeGreaterThan(pictureBox!.y);
    // In view, not somewhere down the page.
    await expect.poll(async () => (await mark.boundingBox())!.y).toBeGreaterThan(0);
    expect((await mark.boundingBox())!.y + markBox!.height).toBeLessThan(900);
    await page.screenshot({ path: path.join(SHOTS, 'arkiv-traff.png') });
    await page.getByRole('button', { name: 'Tillbaka' }).click();
  });
});

describe("the registrar's handover screen", () => {
  it('shows only the snapshots outside every round under "Utanför omgång", and same-day rows by time and reason', async () => {
    await page.getByRole('button', { name: 'Överlämna', exact: true }).click();
    await page.getByLabel('Uppladdningsmapp').check();
    await page.getByRole('button', { name: 'Inställningar för överlämning' }).click();
    await page.getByLabel('Mapp för uppladdningsstrukturen', { exact: true }).fill(upload);
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByText(`Mottagare: ${upload}`).waitFor();

    const rows = page.getByRole('row').filter({ has: page.getByRole('checkbox') });
    await expect.poll(() => rows.count()).toBe(4);
    await page.getByLabel('Omgång').selectOption({ label: 'Utanför omgång' });
    await expect.poll(() => rows.count()).toBe(1);
    await rows.getByText('Innan kontot avslutas').waitFor();
    await page.getByLabel('Omgång').selectOption({ label: 'Alla omgångar' });
    await expect.poll(() => rows.count()).toBe(4);
    // Kultur Umeå twice today: each row says its time to the second and its reason.
    const kultur = rows.filter({ hasText: 'Kultur Umeå' });
    expect(await kultur.count()).toBe(2);
    for (const row of await kultur.all()) expect(await row.textContent()).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(await rows.filter({ hasText: 'Vårens ögonblicksbild' }).count()).toBe(3);
    expect(await rows.filter({ hasText: 'Biblioteken' }).textContent()).not.toMatch(/\d{2}:\d{2}:\d{2}/);
  });

  it('marks the damaged record before handover and does not offer it; a disabled button says why', async () => {
    const damaged = page.getByRole('row').filter({ hasText: 'Biblioteken' });
    await damaged.getByText('Skadad').waitFor();
    await damaged.getByText('Sidans text har ändrats sedan den arkiverades. Den lämnas inte över.').waitFor();
    expect(await damaged.getByRole('checkbox').isDisabled()).toBe(true);
    expect(await damaged.getByRole('checkbox').isChecked()).toBe(false);
    await page.getByRole('alert').filter({ hasText: '1 handling är skadad och lämnas inte över.' }).waitFor();

    await page.getByLabel('Överlämnas av').fill('');
    const deliver = page.getByRole('button', { name: /^Överlämna \d+ handlingar?$/ });
    expect(await deliver.isDisabled()).toBe(true);
    await page.getByText('Fyll i vem som överlämnar under ”Överlämnas av”.').waitFor();
    expect(await deliver.getAttribute('aria-describedby')).toBe('handover-why');
    await page.getByLabel('Överlämnas av').fill('Rut Registrator');
    expect(await page.getByText('Fyll i vem som överlämnar').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'overlamna-skadad.png'), fullPage: true });
  });

  it('a record damaged after the check fails in Swedish, and "Försök igen" is not offered for it', async () => {
    // Chosen while whole, then damaged before the registrar clicks: the core's own check refuses it.
    damage(archive.refs[2]!, 'page.txt');
    await page.getByRole('button', { name: 'Överlämna 3 handlingar' }).click();
    await page.getByRole('heading', { name: '1 handling kunde inte överlämnas' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Ögonblicksbilden har ändrats eller skadats sedan den sparades och lämnades därför inte över.' }).waitFor();
    expect(await page.getByRole('button', { name: /^Försök igen/ }).count()).toBe(0);
    // Two records of one title in one folder: the second is named by its time, not "(2)".
    const names = readdirSync(path.join(upload, '2026 april')).concat(readdirSync(path.join(upload, 'Utanför omgång'))).filter((f) => f.startsWith('Ögonblicksbild Webbplats Kultur Umeå'));
    expect(names).toHaveLength(2);
    expect(names.some((f) => / \(\d\)\.pdf$/.test(f))).toBe(false);
  });
});
