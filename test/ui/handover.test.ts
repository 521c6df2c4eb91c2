import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { SecretStore } from '../../src/main/secrets';
import { MemoryStorage } from '../../src/main/storage';
import { startPlatinaServer, type PlatinaServer } from '../fixtures/platina/server';
import { makeArchive, type TestArchive } from '../helpers/archive';
import { ROOT } from '../helpers/cli';
import { testCipher } from '../helpers/shell';
import { accessibilityProblems } from './axe';
import { openApp, SHOTS, startBridge, type Bridge } from './bridge';

let pickedFolder: string | null = null;
let archive: TestArchive;
let platina: PlatinaServer;
let bridge: Bridge;
let browser: Browser;
let page: Page;
const saved: string[] = [];
const receipts = mkdtempSync(path.join(os.tmpdir(), 'ui-receipts-'));

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('Build the renderer first: npm run build');
  archive = await makeArchive('ui-handover');
  platina = await startPlatinaServer();
  const storage = new MemoryStorage();
  storage.set('settings', { organisation: 'Umeå kommun', archiveDir: archive.dir, browserPath: '', language: 'sv', rounds: '', autoCapture: false });
  bridge = await startBridge((publishCapture) =>
    createHandlers({
      storage,
      defaultArchiveDir: archive.dir,
      profilesRoot: path.join(archive.dir, '..', 'ui-handover-profiles'),
      publishCapture,
      showPdf: async () => undefined,
      showWebCopy: async () => undefined,
      secrets: new SecretStore(storage, testCipher),
      // The system browser's part: the registrar signs in at the identity provider.
      openExternal: (url) => platina.approve(url),
      saveFile: async (name, bytes) => {
        const file = path.join(receipts, name);
        writeFileSync(file, bytes);
        saved.push(file);
        return file;
      },
      // The shell's folder dialog: the registrar picks the folder the test has made.
      chooseFolder: async () => pickedFolder,
    }),
  );
  ({ browser, page } = await openApp(bridge));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  await platina?.close();
});

describe("the registrar's handover screen, in Chromium, against the real core", () => {
  it('sets up Platina, signs in, and files the chosen snapshots of the round', async () => {
    await page.getByRole('button', { name: 'Överlämna' }).click();
    await page.getByRole('heading', { name: 'Överlämna till registrering och arkiv' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Platinas adress eller diariet saknas.' }).waitFor();
    expect(await page.getByRole('button', { name: /^Överlämna \d+ handlingar$/ }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Inställningar för överlämning' }).click();
    await page.getByLabel('Adress till Platinas API (…/api/v8.0)').fill(platina.apiUrl);
    await page.getByLabel('Inloggningstjänst (authority)').fill(platina.authority);
    await page.getByLabel('Klient-id').fill(platina.clientId);
    await page.getByLabel('Behörighet (scope)').fill(platina.scope);
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByText('Inställningarna är sparade.').waitFor();
    // The diary and the values are chosen by name once signed in: signing in needs only the sign-in settings.
    await page.getByRole('alert').filter({ hasText: 'Platinas adress eller diariet saknas.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Hämta valen från Platina' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Logga in i Platina' }).click();
    await page.getByText('Inloggad i Platina som Rut Registrator.').waitFor();

    // This customer's API has no list of deed statuses: that one id is typed.
    platina.missingLists = ['deed-statuses'];
    await page.getByRole('button', { name: 'Hämta valen från Platina' }).click();
    await page.getByRole('option', { name: 'Kulturnämnden' }).waitFor({ state: 'attached' });
    await page.getByLabel('Diarie', { exact: true }).selectOption({ label: 'Kommunstyrelsen' });
    const choices: Array<[string, string]> = [
      ['Ärendets ursprung', 'Upprättad'], ['Ärendets status', 'Öppen'], ['Ärendetyp', 'Arkivering av sociala medier'], ['Klassificering', '2.1 Informationsförvaltning'],
      ['Ärendets PUL-nivå', 'Inga personuppgifter'], ['Ärendets sekretessnivå', 'Ingen sekretess'], ['Handlingstyp', 'Ögonblicksbild'],
      ['Handlingens PUL-nivå', 'Inga personuppgifter'], ['Handlingens sekretessnivå', 'Ingen sekretess'],
    ];
    await page.getByRole('option', { name: 'Upprättad' }).waitFor({ state: 'attached' });
    for (const [label, name] of choices) await page.getByLabel(label, { exact: true }).selectOption({ label: name });
    await page.getByText('Platina svarar inte med den här listan, så id:t skrivs in.').waitFor();
    await page.getByLabel('Handlingens status', { exact: true }).fill('8');
    platina.missingLists = [];
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByText(`Mottagare: ${platina.apiUrl} diary 1`).waitFor();

    await page.getByRole('button', { name: 'Kontrollera anslutningen' }).click();
    await page.getByText('Klart: överlämningen till Platina kan börja.').waitFor();
    await page.getByText('POST journalized-cases/{id}/deeds').waitFor();
    await page.getByRole('region', { name: /^Kontroll av Platina/ }).screenshot({ path: path.join(SHOTS, 'platina-kontroll.png') });

    await expect.poll(() => page.getByRole('table').filter({ has: page.getByText('Aprilomgången 2026 · Kulturförvaltningen') }).getByRole('row').count()).toBe(3);
    await page.getByLabel('Överlämnas av').fill('Rut Registrator');
    await page.getByRole('checkbox', { name: /Skolan/ }).uncheck();
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const preview = page.getByRole('region', { name: /^Så skulle överlämningen till/ });
    await preview.getByText('Nytt samlingsärende för Aprilomgången 2026').waitFor();
    expect(await preview.getByText(/^Ny handling: Ögonblicksbild/).count()).toBe(2);
    await preview.screenshot({ path: path.join(SHOTS, 'platina-forhandsgranskning.png') });
    expect(platina.cases).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'overlamna.png'), fullPage: true });
    await page.getByRole('button', { name: 'Överlämna 2 handlingar' }).click();
    await page.getByRole('heading', { name: 'Överlämningen är klar' }).waitFor();
    expect(platina.cases.map((c) => c.title)).toEqual(['Ögonblicksbilder av sociala medier 2026 april']);
    expect(platina.cases[0]!.body).toMatchObject({ statusId: '3', origin: { id: '2', name: 'Upprättad' }, caseTypeId: '7', businessCodeId: '2.1', pulLevel: 0, secrecyLevel: 0 });
    expect(platina.deeds[0]!.body).toMatchObject({ deedTypeId: '5', statusId: '8', pulLevel: 0, secrecyLevel: 0 });
    expect(platina.deeds.map((d) => d.title.replace(/ \d{4}-\d{2}-\d{2}$/, '')).sort()).toEqual(['Ögonblicksbild Webbplats Biblioteken', 'Ögonblicksbild Webbplats Kultur Umeå']);
    expect(platina.deeds.every((d) => d.files.length === 1)).toBe(true);
    expect(platina.deeds.some((d) => d.title.includes('Skolan'))).toBe(false);
  });

  it('explains a failure in Swedish, retries just that record, and saves the receipt', async () => {
    // Only the Skolan snapshot is left to hand over here; Platina fails its file once.
    await page.getByRole('button', { name: 'Överlämna 1 handling' }).waitFor();
    await expect.poll(() => page.getByRole('checkbox', { name: /Ögonblicksbild/ }).count()).toBe(1);
    platina.faults.push({ match: /^POST \/deeds\/\w+\/files$/, mode: 'fail' });
    await page.getByRole('button', { name: 'Överlämna 1 handling' }).click();
    await page.getByRole('heading', { name: '1 handling kunde inte överlämnas' }).waitFor();
    const failure = page.getByRole('listitem').filter({ hasText: 'Mottagaren tog inte emot handlingen.' });
    await failure.waitFor();
    await failure.getByText('Visa detaljer').click();
    await failure.getByText(/^Platina answered 503/).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'overlamna-misslyckad.png'), fullPage: true });
    await page.getByRole('button', { name: 'Försök igen med den som misslyckades' }).click();
    await page.getByRole('heading', { name: 'Överlämningen är klar' }).waitFor();
    expect(platina.deeds).toHaveLength(3);
    expect(platina.deeds.map((d) => d.files.length)).toEqual([1, 1, 1]);
    await page.getByText('Allt är redan överlämnat hit.').waitFor();

    // Three deliveries so far: the first, the failed one and the retry.
    const history = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Resultat' }) });
    await expect.poll(() => history.getByRole('row').count()).toBe(4);
    await history.getByRole('row').nth(3).getByRole('button', { name: 'Spara kvitto (PDF)' }).click();
    await page.getByText(/Kvittot sparades i .*Kvitto .*Platina \(API\)\.pdf/).waitFor();
    const text = execFileSync('pdftotext', ['-layout', saved.at(-1)!, '-']).toString();
    expect(text).toContain('Kvitto på överlämning');
    expect(text).toContain('2 överlämnade');
    expect(text).toContain('Rut Registrator');
  });

  it('hands the whole round over to the upload folder as well, showing where each record already is', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ui-upload-'));
    await page.getByLabel('Uppladdningsmapp').check();
    // The sentence is Swedish; the core's English message is a detail for IT, behind "Visa detaljer".
    const missing = page.getByRole('alert').filter({ hasText: 'Ingen uppladdningsmapp är vald.' });
    await missing.waitFor();
    expect(await missing.getByText('No upload folder is set').isVisible()).toBe(false);
    await missing.getByText('Visa detaljer').click();
    await missing.getByText('No upload folder is set').waitFor();
    await page.getByRole('button', { name: 'Inställningar för överlämning' }).click();
    // Chosen with the folder dialog; typing stays possible.
    pickedFolder = folder;
    await page.getByRole('button', { name: 'Välj mapp (Mapp för uppladdningsstrukturen)' }).click();
    await expect.poll(() => page.getByLabel('Mapp för uppladdningsstrukturen', { exact: true }).inputValue()).toBe(folder);
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByText(`Mottagare: ${folder}`).waitFor();
    const records = page.getByRole('row').filter({ has: page.getByRole('checkbox') });
    await expect.poll(() => records.filter({ hasText: 'Platina (API)' }).count()).toBe(3);
    await page.getByRole('button', { name: 'Överlämna 3 handlingar' }).click();
    await page.getByRole('heading', { name: 'Överlämningen är klar' }).waitFor();
    expect(readdirSync(path.join(folder, '2026 april')).filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    await page.getByLabel('Visa även de som redan finns där').check();
    // The list is read again when the box is ticked: wait for it rather than count at once.
    await expect.poll(() => records.filter({ hasText: 'Uppladdningsmapp' }).count()).toBe(3);
    await page.screenshot({ path: path.join(SHOTS, 'overlamna-mapp.png'), fullPage: true });
  });
});
