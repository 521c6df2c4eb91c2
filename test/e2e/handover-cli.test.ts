import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { HandoverLog } from '../../src/main/handover/log';
import { MemoryStorage } from '../../src/main/storage';
import { noShell } from '../helpers/shell';
import { signIn } from '../../src/main/handover/platina/oauth';
import { startPlatinaServer, type PlatinaServer } from '../fixtures/platina/server';
import { makeArchive, type TestArchive } from '../helpers/archive';
import { runCli, startCli } from '../helpers/cli';

let archive: TestArchive;
let platina: PlatinaServer;
/** The stand-in's reference values, as a registrar would give them on the command line. */
const PLATINA_VALUES = [
  '--status', '3', '--origin', '2', '--case-type', '7', '--business-code', '2.1', '--pul-level', '0', '--secrecy-level', '0',
  '--deed-type', '5', '--deed-status', '8', '--deed-pul-level', '0', '--deed-secrecy-level', '0',
];
beforeAll(async () => {
  archive = await makeArchive('handover-cli');
  platina = await startPlatinaServer();
}, 180_000);
afterAll(() => platina?.close());

const temp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `${name}-`));

describe('kanalarkiv handover', () => {
  it('lists what is not yet delivered, delivers it, and delivers nothing twice', async () => {
    const dest = temp('cli-folder');
    const list = await runCli(['handover', '--archive', archive.dir, '--to', 'folder', '--dest', dest, '--list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^3 records not yet delivered/);
    expect(list.stdout).toContain('2026 april  Utbildning  Ögonblicksbild Facebook Skolan');
    // In Swedish, the default: the same list, and a missing setting said as the app says it.
    const svenska = { LANG: 'sv_SE.UTF-8' };
    expect((await runCli(['handover', '--archive', archive.dir, '--to', 'folder', '--dest', dest, '--list'], svenska)).stdout).toMatch(/^3 handlingar är inte överlämnade till /);
    const noFolder = await runCli(['handover', '--archive', archive.dir, '--to', 'folder'], svenska);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toContain('kanalarkiv handover: Ingen uppladdningsmapp är vald.');
    expect(noFolder.stderr).toContain('detalj: No upload folder is set.');

    const run = await runCli(['handover', '--archive', archive.dir, '--to', 'folder', '--dest', dest, '--round', '2026 april', '--by', 'Rut', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.items.map((i: { status: string }) => i.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(readdirSync(path.join(dest, '2026 april')).filter((f) => f.endsWith('.pdf'))).toHaveLength(3);

    const again = await runCli(['handover', '--archive', archive.dir, '--to', 'folder', '--dest', dest]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/Nothing to hand over: every record is already at/);

    const receipt = path.join(temp('cli-receipt'), 'kvitto.pdf');
    const written = await runCli(['receipt', '--archive', archive.dir, '--out', receipt, '--organisation', 'Umeå kommun']);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`Receipt for delivery ${result.deliveryId}`);
  });

  it('writes an e-archive package named for whose it is, with the submission agreement given', async () => {
    const dest = temp('cli-eark');
    const run = await runCli(['handover', '--archive', archive.dir, '--to', 'eark', '--dest', dest, '--organisation', 'Umeå kommun', '--org-id', '212000-2726', '--agreement', 'RA 13-2011/5329', '--by', 'Rut']);
    expect(run.code).toBe(0);
    const [zip] = readdirSync(dest);
    expect(zip).toMatch(/^E-arkivpaket Umeå kommun Aprilomgången 2026 \d{4}-\d{2}-\d{2} uuid-[0-9a-f-]{36}\.zip$/);
    const objid = zip!.match(/(uuid-[0-9a-f-]{36})\.zip$/)![1];
    const mets = execFileSync('python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', path.join(dest, zip!), `${objid}/METS.xml`]).toString();
    expect(mets).toContain('<mets:altRecordID TYPE="SUBMISSIONAGREEMENT">RA 13-2011/5329</mets:altRecordID>');
  });

  it('says what is missing: the target, its folder, an unknown round', async () => {
    const noTarget = await runCli(['handover', '--archive', archive.dir]);
    expect(noTarget.code).toBe(1);
    expect(noTarget.stderr).toContain('handover needs --to platina|email|folder|eark|file-archive');
    const noDest = await runCli(['handover', '--archive', archive.dir, '--to', 'eark']);
    expect(noDest.code).toBe(1);
    expect(noDest.stderr).toMatch(/No folder for e-archive packages is set.*--dest DIR/);
    const noRound = await runCli(['handover', '--archive', archive.dir, '--to', 'eark', '--dest', temp('x'), '--round', '2031 april']);
    expect(noRound.code).toBe(1);
    expect(noRound.stderr).toMatch(/no snapshots of the round "2031 april".*rounds there: 2026 april/);
  });

  it('takes the handover targets and the organisation the app keeps in the archive\'s shared settings, with a flag in place of its setting', async () => {
    const copy = temp('cli-shared');
    cpSync(archive.dir, copy, { recursive: true });
    const dest = temp('cli-shared-folder');
    const storage = new MemoryStorage();
    storage.set('settings', { archiveDir: copy });
    const app = createHandlers({ storage, defaultArchiveDir: copy, profilesRoot: copy, publishCapture: () => undefined, showPdf: async () => undefined, ...noShell() });
    await app.saveHandoverSettings({ ...(await app.getHandoverSettings()), folderDir: dest, registrar: 'Rut' });
    await app.saveSettings({ ...(await app.getSettings()), organisation: 'Nordmalings kommun' });

    const list = await runCli(['handover', '--archive', copy, '--to', 'folder', '--list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^3 records not yet delivered/);
    const run = await runCli(['handover', '--archive', copy, '--to', 'folder', '--round', '2026 april']);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(dest, '2026 april')).filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    const receipt = path.join(temp('cli-shared-receipt'), 'kvitto.pdf');
    expect((await runCli(['receipt', '--archive', copy, '--out', receipt])).code).toBe(0);
    expect(execFileSync('pdftotext', [receipt, '-']).toString()).toContain('Nordmalings kommun');

    const elsewhere = temp('cli-shared-other');
    const flagged = await runCli(['handover', '--archive', copy, '--to', 'folder', '--dest', elsewhere, '--list']);
    expect(flagged.stdout).toContain(elsewhere);
  });

  it('checks the connection against the customer\'s API, and shows in a dry run what it would create, sending nothing', async () => {
    const tokens = await signIn({ authority: platina.authority, clientId: platina.clientId, scope: platina.scope, redirectHost: 'localhost', redirectPath: '' }, (url) => platina.approve(url));
    // In Swedish, as the registrar reads it.
    const env = { KANALARKIV_PLATINA_TOKEN: tokens.accessToken, LANG: 'sv_SE.UTF-8' };
    const target = ['--platina', platina.apiUrl, '--diary', '1', ...PLATINA_VALUES];
    const ready = await runCli(['platina', 'check', ...target], env);
    expect(ready.code, ready.stderr).toBe(0);
    expect(ready.stdout).toContain('Diariet 1 finns: Kommunstyrelsen.');
    expect(ready.stdout).toContain('✓ POST journalized-cases/{id}/deeds: skapa en handling. Finns.');
    expect(ready.stdout).toContain('Klart: överlämningen till Platina kan börja.');

    const doc = platina.openApi!;
    platina.openApi = { ...doc, paths: Object.fromEntries(Object.entries(doc.paths).filter(([p]) => !p.endsWith('/deeds'))) };
    try {
      const differs = await runCli(['platina', 'check', ...target, '--json'], env);
      expect(differs.code).toBe(2);
      expect(JSON.parse(differs.stdout)).toMatchObject({ ready: false, calls: expect.arrayContaining([expect.objectContaining({ id: 'createDeed', found: false, required: true })]) });
    } finally {
      platina.openApi = doc;
    }

    const posts = platina.calls.filter((c) => c.method === 'POST').length;
    const dry = await runCli(['handover', '--archive', archive.dir, '--to', 'platina', ...target, '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Torrkörning till');
    expect(dry.stdout).toContain('Nytt samlingsärende för 2026 april:');
    expect(dry.stdout).toContain('      title: Ögonblicksbilder av sociala medier 2026 april');
    expect(dry.stdout.match(/Ny handling i ärendet för 2026 april/g)).toHaveLength(3);
    expect(dry.stdout).toContain('Ingenting skickades och ingenting skrevs i loggen.');
    expect(platina.calls.filter((c) => c.method === 'POST')).toHaveLength(posts);
    expect((await new HandoverLog(archive.dir).read()).entries.filter((e) => e.target === 'platina')).toEqual([]);
  });

  it('resumes a Platina delivery killed mid-way without filing anything twice', async () => {
    const tokens = await signIn({ authority: platina.authority, clientId: platina.clientId, scope: platina.scope, redirectHost: 'localhost', redirectPath: '' }, (url) => platina.approve(url));
    const args = ['handover', '--archive', archive.dir, '--to', 'platina', '--platina', platina.apiUrl, '--diary', '1', '--by', 'Rut', ...PLATINA_VALUES];
    const env = { KANALARKIV_PLATINA_TOKEN: tokens.accessToken };
    // The second file upload is received and stored, but Platina never answers: the run is killed waiting.
    platina.faults.push({ match: /^POST \/deeds\/\w+\/files$/, mode: 'hang', after: 1 });
    const killed = startCli(args, env);
    while (platina.hanging.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    killed.child.kill('SIGKILL');
    await killed.done;
    expect(platina.deeds).toHaveLength(2);

    const resumed = await runCli([...args, '--json'], env);
    expect(resumed.code).toBe(0);
    // Only the two not yet delivered are taken up; the one with its deed and file already there is found, not refiled.
    const items = JSON.parse(resumed.stdout).items as Array<{ ref: string; status: string }>;
    const { entries } = await new HandoverLog(archive.dir).read();
    const beforeKill = entries.filter((e) => e.target === 'platina' && e.event === 'delivered' && !items.some((i) => i.ref === e.ref));
    expect(beforeKill).toHaveLength(1);
    expect(items.map((i) => i.status)).toEqual(['delivered', 'delivered']);
    expect([beforeKill[0]!.ref, ...items.map((i) => i.ref)].sort()).toEqual([...archive.refs].sort());
    expect(platina.cases).toHaveLength(1);
    expect(platina.deeds).toHaveLength(3);
    expect(platina.deeds.map((d) => d.files.length)).toEqual([1, 1, 1]);
  });
});
