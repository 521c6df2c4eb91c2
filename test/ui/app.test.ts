import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { runCapture } from '../../src/main/pipeline/run';
import { MemoryStorage } from '../../src/main/storage';
import type { Channel } from '../../src/shared/channel';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { ROOT } from '../helpers/cli';
import { thisMonth } from '../helpers/rounds';
import { accessibilityProblems } from './axe';
import { openApp, SHOTS, startBridge, type Bridge } from './bridge';
import { noShell } from '../helpers/shell';


let site: FixtureSite;
let bridge: Bridge;
let browser: Browser;
let page: Page;
const archive = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-ui-'));
const profiles = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-ui-profiles-'));
const shownPdfs: string[] = [];
/** What the shell's folder dialog answers. */
let pickedFolder: string | null = null;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('Build the renderer first: npm run build');
  site = await startFixtureSite();
  const channel = (id: string, name: string, p: string, platform: Channel['platform']): Channel => ({ id, name, platform, url: site.url(p), unit: 'Kulturförvaltningen', owners: ['Anna Berg', 'Olof Lind'], pageOwner: '', notes: '', active: true });
  const registered = [channel('kultur', 'Kultur Umeå', '/changing', 'web'), channel('utloggad', 'Kultur på Facebook', '/facebook/logged-out', 'facebook')];
  for (const reason of ['Vårens ögonblicksbild', 'Höstens ögonblicksbild']) {
    await runCapture({ channels: [registered[0]!, channel('flode', 'Kommunens flöde', '/virtual', 'x')], archiveDir: archive, reason, organisation: '', timeoutMs: 60_000, concurrency: 2, profilesRoot: null });
  }
  const storage = new MemoryStorage();
  storage.set('settings', { organisation: 'Umeå kommun', archiveDir: archive, browserPath: '', language: 'sv', rounds: thisMonth('test'), autoCapture: false });
  storage.set('channels', registered);
  storage.set('handover', { folderDir: path.join(archive, '..', `${path.basename(archive)}-registrator`) });
  bridge = await startBridge((publishCapture) => createHandlers({ storage, defaultArchiveDir: archive, profilesRoot: profiles, publishCapture, showPdf: async (file) => void shownPdfs.push(file), ...noShell(), chooseFolder: async () => pickedFolder }));
  ({ browser, page } = await openApp(bridge));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  await site?.close();
});

describe('the desktop UI, in Chromium, against the real core', () => {
  it('Kanaler: adds a channel, explaining every problem at once in Swedish, and warns about too few owners', async () => {
    await expect(page.getByRole('heading', { name: 'Kanaler', level: 2 }).isVisible()).resolves.toBe(true);
    await page.getByLabel('Namn', { exact: true }).fill('Kulturskolan');
    await page.getByLabel('Adress', { exact: true }).fill('file:///etc/passwd');
    await page.getByLabel('Kontoansvariga').fill('Anna Berg');
    await page.getByRole('button', { name: 'Spara kanalen' }).click();
    // Every problem at its field at once, and the keyboard at the first of them.
    await page.getByRole('alert').filter({ hasText: 'Kanalen är inte sparad. Rätta de 3 fält som är markerade.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('channel-id');
    for (const label of ['Id', 'Adress', 'Enhet']) expect(await page.getByLabel(label, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Adressen måste börja med http:// eller https://.').waitFor();
    await page.getByLabel('Id', { exact: true }).fill('kultur-fb');
    await page.getByLabel('Enhet', { exact: true }).fill('Kulturförvaltningen');
    await page.getByRole('button', { name: 'Spara kanalen' }).click();
    await page.getByText('Kanalen är inte sparad. Rätta fältet som är markerat.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('channel-url');
    expect(await page.getByLabel('Id', { exact: true }).getAttribute('aria-invalid')).toBe('false');

    // As copied from the browser's address bar, without https://.
    await page.getByLabel('Adress', { exact: true }).fill('www.facebook.com/kulturskolan');
    await page.getByRole('button', { name: 'Spara kanalen' }).click();
    await page.getByText('Kanalen Kulturskolan är sparad.').waitFor();
    // A warning is not a success: it is listed apart from the green notice.
    await page.getByRole('list', { name: 'Att tänka på' }).getByText('Riktlinjerna rekommenderar minst två kontoansvariga.').waitFor();
    const row = page.getByRole('row', { name: /Kulturskolan/ });
    expect(await row.textContent()).toContain('Facebook');
    expect(await row.textContent()).toContain('https://www.facebook.com/kulturskolan');
    expect(await row.textContent()).toContain('Färre än två kontoansvariga');

    await page.getByRole('button', { name: 'Ändra Kulturskolan' }).click();
    await page.getByRole('heading', { name: 'Ändra kanalen kultur-fb' }).waitFor();
    expect(await page.getByLabel('Id', { exact: true }).getAttribute('readonly')).not.toBeNull();
    await page.getByLabel('Kontoansvariga').fill('Anna Berg, Olof Lind');
    await page.getByRole('button', { name: 'Spara kanalen' }).click();
    await expect.poll(() => row.textContent()).toContain('Anna Berg, Olof Lind');
    expect(await row.textContent()).not.toContain('Färre än två kontoansvariga');
    expect(await page.getByRole('heading', { name: 'Lägg till kanal' }).isVisible()).toBe(true);
  });

  it('Kanaler: previews a CSV import saved by Excel (Windows-1252) with each row\'s owners and problems, then imports the good rows', async () => {
    const csv = 'id;namn;adress;enhet;ägare;telefon\nfritid-ig;Fritid på Instagram;https://www.instagram.com/fritid;Fritid;Sara Ek, Per Holm;090-16 10 00\ndubblett;Dubblett;https://www.facebook.com/kulturskolan;Kultur;A, B;\n';
    await page.getByLabel('Välj en CSV- eller JSON-fil').setInputFiles({ name: 'kanaler.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
    const preview = page.getByRole('table', { name: 'Förhandsvisning av kanaler.csv' });
    await preview.waitFor();
    expect(await preview.getByRole('row', { name: /Dubblett/ }).textContent()).toContain('Adressen finns redan i registret.');
    expect(await preview.getByRole('row', { name: /Fritid/ }).textContent()).toContain('Kan importeras');
    // Read as Excel saved it: "på" and the "ägare" column arrive whole.
    expect(await preview.getByRole('row', { name: /Fritid/ }).textContent()).toContain('Fritid på Instagram');
    expect(await preview.getByRole('row', { name: /Fritid/ }).textContent()).toContain('Sara Ek, Per Holm');
    await page.getByText('Tecknen lästes som windows-1252.').waitFor();
    // A column Kanalarkiv does not know is named, not dropped unseen; each row shows its unit.
    await page.getByText('Kolumnen ”telefon” känns inte igen och importeras inte.', { exact: false }).waitFor();
    expect(await preview.getByRole('row', { name: /Fritid/ }).getByRole('cell').nth(4).textContent()).toBe('Fritid');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'kanaler.png'), fullPage: true });
    await page.getByRole('button', { name: 'Importera 1 kanal' }).click();
    await page.getByText('1 kanal importerades.').waitFor();
    await page.getByRole('table', { name: '4 kanaler i registret' }).waitFor();
  });

  it('Kanaler: shows each channel\'s latest snapshot, which platforms have a saved login, and which channels need one', async () => {
    const kultur = page.getByRole('row', { name: /Kultur Umeå.*127\.0\.0\.1/ });
    await kultur.getByRole('img').waitFor();
    const facebook = page.getByRole('row', { name: /Kultur på Facebook/ });
    expect(await facebook.textContent()).toContain('Ingen ännu');
    // Facebook shows a logged-out visitor only part of a page; a website needs no login.
    expect(await facebook.textContent()).toContain('kräver inloggning');
    expect(await facebook.locator('.login-needed').getAttribute('title')).toContain('Utan inloggning visar Facebook bara en del av kanalen');
    expect(await kultur.textContent()).not.toContain('kräver inloggning');
    const logins = await page.getByRole('group', { name: 'Inloggningar' }).textContent();
    expect(logins).toContain('Facebook kräver inloggning');
    expect(logins).toContain('YouTube ingen inloggning behövs');
    expect(logins).toContain('Mastodon ingen inloggning behövs');
    expect(await page.getByRole('button', { name: 'Logga in på Instagram' }).isEnabled()).toBe(true);
  });

  it('Kanaler: a saved login says so and offers log out, which asks first and deletes the profile', async () => {
    // As a login window leaves it: the platform's browser profile on this computer.
    mkdirSync(path.join(profiles, 'instagram'));
    await page.getByRole('button', { name: 'Arkiv' }).click();
    await page.getByRole('button', { name: 'Kanaler', exact: true }).click();
    const instagram = page.getByRole('group', { name: 'Inloggningar' }).getByRole('listitem').filter({ hasText: 'Instagram' });
    await instagram.getByText('inloggning sparad').waitFor();
    expect(await instagram.getByRole('button', { name: 'Logga in på Instagram igen' }).isVisible()).toBe(true);
    await instagram.getByRole('button', { name: 'Logga ut från Instagram' }).click();
    const dialog = page.getByRole('dialog', { name: 'Logga ut från Instagram?' });
    await dialog.waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(existsSync(path.join(profiles, 'instagram'))).toBe(true);
    await instagram.getByRole('button', { name: 'Logga ut från Instagram' }).click();
    await dialog.getByRole('button', { name: 'Logga ut', exact: true }).click();
    await instagram.getByText('Du är utloggad från Instagram. Den sparade inloggningen är borttagen.').waitFor();
    expect(await instagram.getByRole('button', { name: 'Logga in på Instagram' }).isVisible()).toBe(true);
    expect(existsSync(path.join(profiles, 'instagram'))).toBe(false);
  });

  it('Ta ögonblicksbilder: captures with live progress, explains a failure in Swedish and offers a retry', async () => {
    await page.getByRole('button', { name: 'Ta ögonblicksbilder' }).click();
    const overview = page.getByRole('region', { name: /^Testomgången \d{4} .* – pågår$/ });
    await overview.waitFor();
    const culture = overview.getByRole('row', { name: /^Kulturförvaltningen/ });
    expect(await culture.getByRole('cell').allTextContents()).toEqual(['1', 'Kultur på Facebook, Kulturskolan', '–']);
    await page.getByRole('button', { name: 'Ingen' }).click();
    await page.getByLabel(/^Kultur Umeå \(Webbplats/).check();
    await page.getByLabel(/^Kultur på Facebook/).check();
    await page.getByLabel('Anledning').selectOption({ label: 'Större händelse' });
    await page.getByLabel('Beskrivning (valfritt)').fill('Kulturnatten');
    await page.getByRole('button', { name: 'Ta 2 ögonblicksbilder' }).click();
    await page.getByRole('heading', { name: 'Pågår …' }).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(3);
    await page.getByRole('heading', { name: 'Klart' }).waitFor({ timeout: 90_000 });
    const items = page.locator('.progress-list li');
    expect(await items.filter({ hasText: 'Kultur på Facebook' }).textContent()).toContain('Logga in på Facebook och försök igen.');
    // Thumbnails load when they come into view.
    await items.filter({ hasText: 'Kultur Umeå' }).scrollIntoViewIfNeeded();
    await items.filter({ hasText: 'Kultur Umeå' }).getByRole('img', { name: 'Ny ögonblicksbild av Kultur Umeå' }).waitFor();
    expect(await page.getByRole('button', { name: 'Försök igen med den som misslyckades' }).isVisible()).toBe(true);
    await expect.poll(() => culture.getByRole('cell').allTextContents()).toEqual(['1', 'Kultur på Facebook, Kulturskolan', 'Kultur på Facebook']);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'ta-ogonblicksbilder.png'), fullPage: true });
    const newest = (await createHandlers({ storage: new MemoryStorage(), defaultArchiveDir: archive, profilesRoot: archive, publishCapture: () => undefined, showPdf: async () => undefined, ...noShell() }).listSnapshots()).snapshots[0]!;
    expect(newest).toMatchObject({ channelId: 'kultur', reason: 'Större händelse: Kulturnatten' });
  });

  it('Ta ögonblicksbilder: keeps the run when the user leaves, offers the login where it failed, asks before capturing again or cancelling', async () => {
    await page.getByRole('button', { name: 'Kanaler', exact: true }).click();
    await page.getByLabel('Id', { exact: true }).fill('langsam');
    await page.getByLabel('Namn', { exact: true }).fill('Långsam sida');
    await page.getByLabel('Adress', { exact: true }).fill(site.url('/hang'));
    await page.getByLabel('Enhet', { exact: true }).fill('Fritid');
    await page.getByLabel('Kontoansvariga').fill('Sara Ek, Per Holm');
    await page.getByRole('button', { name: 'Spara kanalen' }).click();
    await page.getByText('Kanalen Långsam sida är sparad.').waitFor();

    // The finished run is still there after a visit to another screen, its login button by the walled channel.
    await page.getByRole('button', { name: 'Ta ögonblicksbilder' }).click();
    await page.getByRole('heading', { name: 'Klart' }).waitFor();
    const walled = page.locator('.progress-list li').filter({ hasText: 'Kultur på Facebook' });
    await walled.getByRole('button', { name: 'Logga in på Facebook' }).waitFor();
    expect(await page.getByText('1 av 2 ögonblicksbilder är klara.').isVisible()).toBe(true);
    // After the run nothing is chosen: the round overview offers what is still due.
    expect(await page.getByRole('button', { name: 'Ta 0 ögonblicksbilder' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Stäng resultatet' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Klart' }).count()).toBe(0);

    // Kultur Umeå has its snapshot in this round: a round capture of it asks first.
    await page.getByLabel(/^Kultur Umeå \(Webbplats/).check();
    await page.getByLabel(/^Långsam sida/).check();
    await page.getByRole('button', { name: 'Ta 2 ögonblicksbilder' }).click();
    const again = page.getByRole('dialog', { name: 'En av kanalerna har redan sin ögonblicksbild' });
    await again.waitFor();
    expect(await again.textContent()).toContain('Kultur Umeå har redan en ögonblicksbild i Testomgången');
    expect(await accessibilityProblems(page)).toEqual([]);
    await again.getByRole('button', { name: 'Ta bara den som återstår' }).click();
    await page.getByRole('heading', { name: 'Pågår …' }).waitFor();
    await expect.poll(() => page.locator('.progress-list li').count()).toBe(1);
    await page.getByRole('button', { name: 'Arkiv' }).click();
    await page.getByRole('button', { name: 'Ta ögonblicksbilder' }).click();
    await page.getByRole('heading', { name: 'Pågår …' }).waitFor();

    // Cancelling asks first; a cancelled channel is shown as cancelled, and the total is not 100 %.
    await page.getByRole('button', { name: 'Avbryt', exact: true }).click();
    const cancel = page.getByRole('dialog', { name: 'Avbryta ögonblicksbilderna?' });
    await cancel.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'avbryt.png') });
    await cancel.getByRole('button', { name: 'Fortsätt' }).click();
    expect(await page.getByRole('heading', { name: 'Pågår …' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Avbryt', exact: true }).click();
    await cancel.getByRole('button', { name: 'Avbryt ögonblicksbilderna' }).click();
    await page.getByRole('heading', { name: 'Avbrutet' }).waitFor({ timeout: 60_000 });
    const slow = page.locator('.progress-list li').filter({ hasText: 'Långsam sida' });
    expect(await slow.textContent()).toContain('Avbröts innan den var klar. Inget sparades för kanalen.');
    expect(await page.getByText('0 av 1 ögonblicksbild är klar.').isVisible()).toBe(true);
    expect(Number(await page.locator('#overall').getAttribute('value'))).toBeLessThan(100);
    await page.getByRole('button', { name: 'Ta den som inte blev klar' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'avbrutet.png'), fullPage: true });
    await page.getByRole('button', { name: 'Stäng resultatet' }).click();

    // A wall despite a saved login is said apart from a wall without one: the login has run out.
    mkdirSync(path.join(profiles, 'facebook'));
    await page.getByRole('button', { name: 'Kanaler', exact: true }).click();
    await page.getByRole('button', { name: 'Ta ögonblicksbilder' }).click();
    await page.getByRole('button', { name: 'Ingen' }).click();
    await page.getByLabel(/^Kultur på Facebook/).check();
    await page.getByLabel('Anledning').selectOption({ label: 'Större förändring' });
    await page.getByRole('button', { name: 'Ta 1 ögonblicksbild' }).click();
    await page.getByRole('heading', { name: 'Klart' }).waitFor({ timeout: 90_000 });
    await page.getByText('Facebook visade inloggningsrutan trots att en inloggning är sparad.', { exact: false }).waitFor();
    expect(await page.locator('.progress-list li').getByRole('button', { name: 'Logga in på Facebook igen' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Stäng resultatet' }).click();
    rmSync(path.join(profiles, 'facebook'), { recursive: true, force: true });
  });

  it('Arkiv: shows each channel\'s timeline with thumbnails, in Swedish time', async () => {
    await page.getByRole('button', { name: 'Arkiv' }).click();
    const timeline = page.getByRole('region', { name: /Kultur Umeå/ });
    await timeline.waitFor();
    expect(await timeline.getByRole('listitem').count()).toBe(3);
    await timeline.getByRole('img').first().waitFor();
    expect(await timeline.getByText('Större händelse: Kulturnatten').isVisible()).toBe(true);
    const stamp = await timeline.locator('time').first().getAttribute('datetime');
    const shown = await timeline.locator('time').first().textContent();
    // Three snapshots of the channel today: each is shown to the second, so they can be told apart.
    expect(shown).toBe(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(stamp!)));
    expect(await page.getByRole('region', { name: /Kommunens flöde/ }).isVisible()).toBe(true);
  });

  it('Arkiv: searches the archived text and checks the archive', async () => {
    await page.getByLabel('Sök i arkiverad text').fill('älgar');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('3 handlingar innehåller ”älgar”').waitFor();
    expect(await page.locator('li.hit mark').first().textContent()).toBe('älgar');
    await page.getByRole('button', { name: 'Kontrollera arkivet' }).click();
    await page.getByText('5 av 5 ögonblicksbilder är oförändrade.').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'arkiv.png'), fullPage: true });
  });

  it('Arkiv: opens a record, hands its PDF to the shell, and compares two snapshots with the differences marked', async () => {
    const timeline = page.getByRole('region', { name: /Kultur Umeå/ });
    await timeline.getByRole('button', { name: /^Visa ögonblicksbilden av Kultur Umeå/ }).last().click();
    await page.getByRole('img', { name: 'Skärmbild 1 av 1 av ögonblicksbilden av Kultur Umeå' }).waitFor();
    expect(await page.getByText('Vårens ögonblicksbild').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Öppna PDF:en' }).click();
    await expect.poll(() => shownPdfs.length).toBe(1);
    expect(shownPdfs[0]).toMatch(/kultur[\\/][^\\/]+[\\/]data[\\/]record\.pdf$/);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Jämför', exact: true }).click();
    await page.getByText(/% av bildpunkterna skiljer sig/).waitFor();
    const share = Number((await page.getByText(/% av bildpunkterna skiljer sig/).textContent())!.match(/([\d,]+) %/)![1]!.replace(',', '.'));
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(20);
    expect(await page.locator('img.overlay').count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'jamforelse.png') });
    // Below the pictures, the text that changed: the visit counter's line, lost and added.
    const text = page.getByRole('region', { name: 'Skillnader i sidans text' });
    await text.locator('li.removed').filter({ hasText: 'Besök nummer 1' }).waitFor();
    await text.locator('li.added').filter({ hasText: /Besök nummer \d/ }).waitFor();
    await text.screenshot({ path: path.join(SHOTS, 'jamforelse-text.png') });
    // The panes scroll together.
    await page.locator('.pane').first().evaluate((el) => (el.scrollTop = 120));
    await expect.poll(() => page.locator('.pane').last().evaluate((el) => el.scrollTop)).toBe(120);
    await page.getByRole('button', { name: 'Tillbaka' }).click();
    await page.getByRole('button', { name: 'Tillbaka' }).click();

    // A virtualised feed's record says, in Swedish, how many of its posts the MHTML copy holds.
    await page.getByRole('region', { name: /Kommunens flöde/ }).getByRole('button', { name: /^Visa ögonblicksbilden av Kommunens flöde/ }).last().click();
    await page.getByText(/^MHTML-kopian innehåller \d+ av de 200 inläggen i bilderna/).waitFor();
    await page.getByRole('button', { name: 'Tillbaka' }).click();
  });

  it('Kanaler: deactivating a channel offers a closing snapshot first, and deactivates once it is taken', async () => {
    await page.getByRole('button', { name: 'Kanaler', exact: true }).click();
    await page.getByRole('button', { name: 'Ändra Kultur Umeå' }).click();
    await page.getByLabel('Aktiv (tas med i ögonblicksbilderna)').uncheck();
    await page.getByRole('button', { name: 'Spara kanalen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta en avslutande ögonblicksbild?' });
    await dialog.waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'avslutande.png') });
    await dialog.getByRole('button', { name: 'Ta avslutande ögonblicksbild och avaktivera' }).click();
    await page.getByText('Den avslutande ögonblicksbilden är tagen och Kultur Umeå är avaktiverad.').waitFor({ timeout: 90_000 });
    expect(await page.getByRole('row', { name: /Kultur Umeå.*127\.0\.0\.1/ }).textContent()).toContain('Inaktiv');
    const { snapshots } = await createHandlers({ storage: new MemoryStorage(), defaultArchiveDir: archive, profilesRoot: archive, publishCapture: () => undefined, showPdf: async () => undefined, ...noShell() }).listSnapshots();
    expect(snapshots[0]).toMatchObject({ channelId: 'kultur', reason: 'Kontot avslutas' });
  });

  it('Spara kommentar: saves a comment from its link with a reason, explains a bad link in Swedish, and the archive lists it apart', async () => {
    await page.getByRole('button', { name: 'Spara kommentar' }).click();
    await page.getByRole('heading', { name: 'Spara kommentar eller inlägg' }).waitFor();
    await page.getByLabel('Kanal', { exact: true }).selectOption({ label: 'Kultur på Facebook (Facebook)' });
    const link = page.getByLabel('Länk till kommentaren eller inlägget');
    await link.fill(site.url('/comment/facebook/kulturumea/posts/42?comment_id=111'));
    await page.getByLabel('Anledning').selectOption({ label: 'Hot' });
    await page.getByLabel('Förklaring').fill('Hot mot en anställd');
    await page.getByLabel('Sparad av').fill('Sara Ek');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spara kommentaren' }).click();
    await page.getByText('Kommentaren är sparad i arkivet.').waitFor({ timeout: 90_000 });
    await page.getByRole('img', { name: 'Den sparade kommentaren från Kultur på Facebook' }).waitFor();
    // Offered to the registrar at once: here through the upload folder.
    await page.getByLabel('Lämna till', { exact: true }).selectOption({ label: 'Uppladdningsmapp' });
    await page.getByRole('button', { name: 'Lämna till registratorn nu' }).click();
    await page.getByText('Uppladdningsmapp: överlämnad').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'spara-kommentar.png'), fullPage: true });

    await link.fill(site.url('/comment/facebook/kulturumea/posts/42?comment_id=999999'));
    await page.getByRole('button', { name: 'Spara kommentaren' }).click();
    await page.getByText('Sidan visar inte kommentaren som länken pekar på.').waitFor({ timeout: 90_000 });

    await page.getByRole('button', { name: 'Arkiv' }).click();
    const comments = page.getByRole('list', { name: '1 sparad kommentar' });
    await comments.waitFor();
    expect(await comments.textContent()).toContain('Sparad före borttagning: Hot');
    expect(await page.getByRole('list', { name: 'Ögonblicksbilder av Kultur Umeå' }).count()).toBe(1);

    // The registrar checks later that the comment is gone; here the page still shows it.
    const check = page.getByRole('form', { name: 'Kontrollera att kommentarerna är borttagna' });
    await check.getByLabel('Ditt namn').fill('Rut Registrator');
    await check.getByRole('button', { name: 'Kontrollera borttagning' }).click();
    await check.getByText('Visas fortfarande på sidan').waitFor({ timeout: 90_000 });
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it("Inställningar: the municipality's own reasons for saved comments, each bad line named in Swedish, then offered when saving", async () => {
    await page.getByRole('button', { name: 'Inställningar', exact: true }).click();
    const own = page.getByLabel('En anledning per rad: kod: text');
    await own.fill('Företag: Reklam\nhot: Ett annat hot');
    await page.getByRole('button', { name: 'Spara anledningarna' }).click();
    const problems = page.getByRole('form', { name: 'Egna anledningar för sparade kommentarer' }).getByRole('alert');
    expect(await problems.textContent()).toContain('Rad 1: koden får bara ha små bokstäver a–z, siffror och -');
    expect(await problems.textContent()).toContain('Rad 2: koden ”hot” finns redan.');
    await own.fill('foretagsreklam: Reklam för eget företag');
    await page.getByRole('button', { name: 'Spara anledningarna' }).click();
    await page.getByText('1 egen anledning är sparad.').waitFor();
    await page.getByRole('button', { name: 'Spara kommentar' }).click();
    await page.getByLabel('Anledning').selectOption({ label: 'Reklam för eget företag' });
    expect(await page.getByLabel('Länk till svaret (valfritt)').count()).toBe(0);
    // A suggestion is registered with its answer: the field for the answer's link appears.
    await page.getByLabel('Anledning').selectOption({ label: 'Synpunkt eller förslag att registrera' });
    await page.getByLabel('Länk till svaret (valfritt)').waitFor();
  });

  it('Inställningar: shows the capture profile read-only, and switches to English', async () => {
    await page.getByRole('button', { name: 'Inställningar', exact: true }).click();
    await page.getByText('Sidan rullas en skärm i taget och bilderna sätts ihop').waitFor();
    expect(await page.getByLabel('Organisation').inputValue()).toBe('Umeå kommun');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'installningar.png'), fullPage: true });
    // The archive folder is chosen with the folder dialog, and changing it says what will change.
    const archiveField = page.getByLabel('Arkivmapp', { exact: true });
    expect(await archiveField.inputValue()).toBe(archive);
    pickedFolder = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-ui-other-'));
    await page.getByRole('button', { name: 'Välj mapp (Arkivmapp)' }).click();
    await expect.poll(() => archiveField.inputValue()).toBe(pickedFolder);
    await page.getByText('Du byter arkivmapp.', { exact: false }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'installningar-arkivmapp.png'), fullPage: true });
    await archiveField.fill(archive);
    expect(await page.getByText('Du byter arkivmapp.', { exact: false }).count()).toBe(0);
    // A mistyped round is explained in Swedish, and nothing is saved.
    const rounds = page.getByLabel('Omgångar', { exact: true });
    const before = await rounds.inputValue();
    await rounds.fill('april:04-01..04-31');
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByRole('alert').filter({ hasText: 'Omgången ”april:04-01..04-31” har ett datum som inte finns: 04-31.' }).waitFor();
    await page.getByText('Inställningarna är inte sparade.').waitFor();
    await rounds.fill(before);
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.getByRole('button', { name: 'Channels' }).click();
    await page.getByRole('heading', { name: 'Channels', level: 2 }).waitFor();
  });
});
