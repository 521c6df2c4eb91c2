import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { runCapture } from '../../src/main/pipeline/run';
import { MemoryStorage } from '../../src/main/storage';
import type { Channel } from '../../src/shared/channel';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { ROOT, runCli } from '../helpers/cli';
import { noShell } from '../helpers/shell';
import { accessibilityProblems } from './axe';
import { openApp, SHOTS, startBridge, type Bridge } from './bridge';

let site: FixtureSite;
const desks: Array<{ bridge: Bridge; browser: Browser; page: Page }> = [];
const archive = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-ui-register-'));
const exports = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-ui-export-'));
// Eight months after the capture: the dated feed's newest post (a day before it) is older than six.
const later = new Date(Date.now() + 240 * 86_400_000);

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('Build the renderer first: npm run build');
  site = await startFixtureSite();
  const channel = (id: string, name: string, p: string, owners: string[]): Channel => ({ id, name, platform: 'web', url: site.url(p), unit: 'Kulturförvaltningen', owners, pageOwner: '', notes: '', active: true });
  const own = [channel('kvarter', 'Kvartersnytt', '/dated-feed', ['Anna Berg', 'Olof Lind']), channel('museum', 'Museet', '/changing', ['Sara Ek', 'Per Holm'])];
  await runCapture({ channels: [own[0]!], archiveDir: archive, reason: 'Regelbunden ögonblicksbild', organisation: '', timeoutMs: 60_000, concurrency: 1, profilesRoot: null });
  // Desk 1 ran an earlier version, with the register in its own store; desk 2 is new.
  const stores = [new MemoryStorage(), new MemoryStorage()];
  stores[0]!.set('channels', own);
  for (const storage of stores) storage.set('settings', { archiveDir: archive, browserPath: '', language: 'sv', autoCapture: false });
  // The shell's save dialog, as the registrar answers it: the file goes into a folder of the test's.
  const saveFile = async (name: string, bytes: Uint8Array) => {
    const file = path.join(exports, name);
    writeFileSync(file, bytes);
    return file;
  };
  for (const storage of stores) {
    const bridge = await startBridge((publishCapture) => createHandlers({ storage, defaultArchiveDir: archive, profilesRoot: path.join(archive, '..', 'ui-profiles'), publishCapture, showPdf: async () => undefined, now: () => later, ...noShell(), saveFile }));
    const { browser, page } = await openApp(bridge);
    await page.clock.setFixedTime(later);
    desks.push({ bridge, browser, page });
  }
}, 300_000);

afterAll(async () => {
  for (const { browser, bridge } of desks) {
    await browser.close();
    await bridge.close();
  }
  await site?.close();
});

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

describe('one register for the whole archive, in two app windows and the command line', () => {
  it('moves the first desk\'s own register into the archive, with a message, and the second desk sees the same channels', async () => {
    const [one, two] = [desks[0]!.page, desks[1]!.page];
    await one.reload();
    await one.getByText('Dina 2 kanaler har flyttats till arkivmappens gemensamma kanalregister').waitFor();
    expect(await one.getByRole('status').first().textContent()).toContain(path.join(archive, 'kanalregister.json'));
    await two.reload();
    await row(two, 'Kvartersnytt').waitFor();
    await row(two, 'Museet').waitFor();
    await two.getByText('Registret finns i arkivmappen och delas av alla som använder arkivet').waitFor();
    expect(await accessibilityProblems(one)).toEqual([]);
    await one.screenshot({ path: path.join(SHOTS, 'register-flyttat.png'), fullPage: true });
  });

  it('refuses a save made from a version the other desk has changed since, in Swedish, and shows the other change', async () => {
    const [one, two] = [desks[0]!.page, desks[1]!.page];
    await one.getByRole('button', { name: 'Ändra Museet' }).click();
    await two.getByRole('button', { name: 'Ändra Museet' }).click();
    await two.getByLabel('Enhet', { exact: true }).fill('Museiförvaltningen');
    await two.getByRole('button', { name: 'Spara kanalen' }).click();
    await two.getByText('Kanalen Museet är sparad.').waitFor();

    await one.getByLabel('Namn', { exact: true }).fill('Länsmuseet');
    await one.getByRole('button', { name: 'Spara kanalen' }).click();
    await one.getByText('Någon annan har ändrat kanalen sedan du öppnade den. Din ändring är inte sparad.').waitFor();
    await expect.poll(() => row(one, 'Museet').textContent()).toContain('Museiförvaltningen');
    expect(await row(one, 'Museet').textContent()).not.toContain('Länsmuseet');
    await one.screenshot({ path: path.join(SHOTS, 'register-krock.png'), fullPage: true });

    // The command line sees the second desk's change, not the refused one.
    const listed = JSON.parse((await runCli(['channels', 'list', '--archive', archive, '--json'])).stdout).channels;
    expect(listed.find((c: Channel) => c.id === 'museum')).toMatchObject({ name: 'Museet', unit: 'Museiförvaltningen', version: 2 });
  });

  it('shows a channel\'s history, and removes a channel only after a confirmation that its snapshots stay', async () => {
    const one = desks[0]!.page;
    await one.getByRole('button', { name: 'Ändra Museet' }).click();
    const history = one.getByRole('region', { name: 'Historik' });
    await history.getByText('ändrades av').waitFor();
    expect(await history.textContent()).toContain('enhet');
    expect(await history.textContent()).toContain('flyttades in från');
    expect(await accessibilityProblems(one)).toEqual([]);
    await one.screenshot({ path: path.join(SHOTS, 'kanal-historik.png'), fullPage: true });

    await one.getByRole('button', { name: 'Ta bort kanalen' }).click();
    const dialog = one.getByRole('dialog', { name: 'Ta bort Museet ur registret?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('ögonblicksbilder och sparade kommentarer finns kvar i arkivet');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(await row(one, 'Museet').count()).toBe(1);
    await one.getByRole('button', { name: 'Ta bort kanalen' }).click();
    await dialog.getByRole('button', { name: 'Ta bort ur registret' }).click();
    await one.getByText('Museet är borttagen ur registret. Ögonblicksbilderna finns kvar i arkivet.').waitFor();
    await expect.poll(() => row(one, 'Museet').count()).toBe(0);
    const removed = (await runCli(['channels', 'history', 'museum', '--archive', archive])).stdout.trim().split('\n').at(-1)!;
    expect(removed.split('\t')[2]).toBe('removed');
  });

  it('flags a channel whose newest post is older than six months, next to the closing snapshot, and filters to "Mina kanaler"', async () => {
    const two = desks[1]!.page;
    await two.reload();
    const kvarter = row(two, 'Kvartersnytt');
    await kvarter.getByText('Inget nytt inlägg sedan').waitFor();
    await kvarter.getByRole('button', { name: 'Avsluta Kvartersnytt' }).click();
    expect(await two.getByLabel('Aktiv (tas med i ögonblicksbilderna)').isChecked()).toBe(false);
    await two.getByRole('button', { name: 'Spara kanalen' }).click();
    await two.getByRole('dialog', { name: 'Ta en avslutande ögonblicksbild?' }).waitFor();
    await two.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();

    await two.getByLabel('Bara mina kanaler').check();
    await two.getByLabel('Mitt namn som kontoansvarig').fill('sara ek');
    await two.getByText('Inga kanaler har dig som kontoansvarig.').waitFor();
    await two.getByLabel('Mitt namn som kontoansvarig').fill('Olof Lind');
    await kvarter.waitFor();
    expect(await two.getByRole('table').first().getByRole('row').count()).toBe(2);

    await two.getByRole('button', { name: 'Ta ögonblicksbilder', exact: true }).click();
    await two.getByText('Kanaler utan nya inlägg på 6 månader').waitFor();
    await two.getByRole('button', { name: 'Välj för avslutande ögonblicksbild: Kvartersnytt' }).click();
    expect(await two.getByLabel('Anledning').inputValue()).toBe('closing');
    expect(await accessibilityProblems(two)).toEqual([]);
    await two.screenshot({ path: path.join(SHOTS, 'tyst-kanal.png'), fullPage: true });
  });

  it('"Importera från webbplatsen" proposes the accounts the municipality\'s own list page links to, and imports them after the preview', async () => {
    const one = desks[0]!.page;
    await one.getByRole('button', { name: 'Kanaler', exact: true }).click();
    await one.getByLabel('Sidans adress').fill(site.url('/socialamedier'));
    await one.getByLabel('Enhet för kanalerna').fill('Kommunikationsenheten');
    await one.getByRole('button', { name: 'Hämta kanalerna' }).click();
    const preview = one.getByRole('table', { name: `Förhandsvisning av ${site.url('/socialamedier')}` });
    await preview.waitFor();
    expect(await preview.getByRole('row').count()).toBe(1 + 6);
    expect(await preview.textContent()).toContain('https://www.linkedin.com/company/umea-kommun/');
    expect(await preview.textContent()).not.toContain('sharer');
    expect(await accessibilityProblems(one)).toEqual([]);
    await one.screenshot({ path: path.join(SHOTS, 'import-webbplats.png'), fullPage: true });
    await one.getByRole('button', { name: 'Importera 6 kanaler' }).click();
    await one.getByText('6 kanaler importerades.').waitFor();
    await row(one, 'Umeå på Bluesky').waitFor();
    expect((await runCli(['channels', 'history', 'bluesky-umea-se', '--archive', archive])).stdout).toContain('\timported\t');

    await one.getByLabel('Sidans adress').fill('http://127.0.0.1:1/finns-inte');
    await one.getByRole('button', { name: 'Hämta kanalerna' }).click();
    await one.getByText('Sidan gick inte att hämta. Kontrollera adressen').waitFor();
  });

  it('saves the public list of accounts for the website as HTML, and the whole register as CSV for Excel', async () => {
    const one = desks[0]!.page;
    await one.getByLabel('Vad som sparas').selectOption({ label: 'Listan för webbplatsen (HTML)' });
    await one.getByRole('button', { name: 'Spara …' }).click();
    const saved = (await one.getByRole('status').filter({ hasText: 'Sparat:' }).textContent())!.replace('Sparat: ', '');
    const html = readFileSync(saved, 'utf8');
    expect(path.basename(saved)).toMatch(/^Sociala medier, lista för webbplatsen \d{4}-\d{2}-\d{2}\.html$/);
    expect(html).toContain('<caption>');
    expect(html).toContain('>Kvartersnytt</a>');
    expect(html).toContain('<a href="https://bsky.app/profile/umea.se">Umeå på Bluesky</a>');
    expect(html).not.toContain('Olof Lind');

    await one.getByLabel('Vad som sparas').selectOption({ label: 'Hela registret (CSV, för Excel)' });
    await one.getByRole('button', { name: 'Spara …' }).click();
    await one.getByRole('status').filter({ hasText: /Sparat: .*Kanalregister .*\.csv/ }).waitFor();
    const csv = readFileSync(path.join(exports, readdirSync(exports).find((f) => f.startsWith('Kanalregister'))!), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFid;namn;plattform;adress;enhet;ägare;sidansvarig;anteckningar;aktiv;intervall (månader)');
    expect(csv).toContain('Anna Berg, Olof Lind');
    expect(await accessibilityProblems(one)).toEqual([]);
  });

  it('fits the register in a 1024 px window: every row\'s buttons can be seen without scrolling sideways', async () => {
    const two = desks[1]!.page;
    await two.setViewportSize({ width: 1024, height: 768 });
    await two.getByRole('button', { name: 'Kanaler', exact: true }).click();
    await two.getByLabel('Bara mina kanaler').uncheck();
    const edits = two.getByRole('button', { name: /^Ändra / });
    await edits.first().waitFor();
    expect(await edits.count()).toBeGreaterThanOrEqual(2);
    for (const box of await Promise.all((await edits.all()).map((b) => b.boundingBox()))) expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
    expect(await two.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await two.screenshot({ path: path.join(SHOTS, 'kanaler-1024.png'), fullPage: true });
    await two.setViewportSize({ width: 1280, height: 900 });
  });
});
