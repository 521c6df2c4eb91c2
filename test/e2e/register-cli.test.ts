import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { MemoryStorage } from '../../src/main/storage';
import type { Channel } from '../../src/shared/channel';
import type { RegisteredChannel } from '../../src/shared/register';
import { runCli } from '../helpers/cli';
import { noShell } from '../helpers/shell';

const newArchive = () => mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-register-cli-'));
const app = (archive: string, storage = new MemoryStorage()) => {
  storage.set('settings', { ...storage.get('settings'), archiveDir: archive });
  return createHandlers({ storage, defaultArchiveDir: archive, profilesRoot: archive, publishCapture: () => undefined, showPdf: async () => undefined, ...noShell() });
};
const listed = async (archive: string): Promise<RegisteredChannel[]> => JSON.parse((await runCli(['channels', 'list', '--archive', archive, '--all', '--json'])).stdout).channels;

describe('kanalarkiv channels: the archive\'s register from the command line', () => {
  it('adds, edits, deactivates and removes a channel, with its history, and says what is wrong with a bad one', async () => {
    const archive = newArchive();
    const add = await runCli(['channels', 'add', '--archive', archive, '--by', 'Anna Berg', '--id', 'kultur-fb', '--name', 'Kultur på Facebook', '--url', 'https://www.facebook.com/kulturumea', '--unit', 'Kulturförvaltningen', '--owners', 'Anna Berg, Olof Lind']);
    expect(add.code).toBe(0);
    expect(add.stdout).toBe('kultur-fb\tadded\n');
    expect(await listed(archive)).toMatchObject([{ id: 'kultur-fb', platform: 'facebook', owners: ['Anna Berg', 'Olof Lind'], version: 1, changedBy: 'Anna Berg' }]);

    const bad = await runCli(['channels', 'add', '--archive', archive, '--id', 'lokal', '--name', 'Lokal', '--url', 'file:///etc/passwd', '--unit', 'IT']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('field "url"');
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    expect((await runCli(['channels', 'edit', 'kultur-fb', '--archive', archive, '--by', 'Olof Lind', '--unit', 'Kultur och fritid'])).code).toBe(0);
    expect((await runCli(['channels', 'deactivate', 'kultur-fb', '--archive', archive, '--by', 'Sara Ek'])).code).toBe(0);
    expect(await listed(archive)).toMatchObject([{ unit: 'Kultur och fritid', active: false, version: 3 }]);
    expect((await runCli(['channels', 'list', '--archive', archive])).stdout).toBe('The register has no channels.\n');

    const history = await runCli(['channels', 'history', 'kultur-fb', '--archive', archive]);
    expect(history.stdout.trim().split('\n').map((l) => l.split('\t').slice(1, 3))).toEqual([['Anna Berg', 'added'], ['Olof Lind', 'changed'], ['Sara Ek', 'deactivated']]);
    expect(history.stdout).toContain('\tunit\n');

    const removed = await runCli(['channels', 'remove', 'kultur-fb', '--archive', archive]);
    expect(removed.code).toBe(0);
    expect(removed.stderr).toContain('its snapshots stay in the archive');
    expect(await listed(archive)).toEqual([]);
    const unknown = await runCli(['channels', 'edit', 'kultur-fb', '--archive', archive, '--unit', 'X']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no channel "kultur-fb" in the register');
  }, 120_000);

  it('imports a channel list saved by Excel, and exports the register as CSV that imports again, and the public list as HTML and CSV', async () => {
    const archive = newArchive();
    const file = path.join(archive, '..', `${path.basename(archive)}-kanaler.csv`);
    writeFileSync(file, Buffer.from('id;namn;adress;enhet;ägare\nfritid-ig;Fritid på Instagram;https://www.instagram.com/fritid;Fritid;Sara Ek, Per Holm\nkultur;Kultur & bibliotek <Umeå>;https://www.facebook.com/kultur;Kultur;Anna Berg, Olof Lind\nlokal;Lokal;file:///c:/x;IT;A\n', 'latin1'));
    const dry = await runCli(['channels', 'import', file, '--archive', archive, '--dry-run']);
    expect(dry.stdout).toBe('2 of 3 rows would be added; nothing was changed.\n');
    expect(existsSync(path.join(archive, 'kanalregister.json'))).toBe(false);
    const imported = await runCli(['channels', 'import', file, '--archive', archive]);
    expect(imported.code).toBe(2);
    expect(imported.stdout).toBe('Added 2 of 3 rows to the register: fritid-ig, kultur.\n');
    expect(imported.stderr).toContain('left out, row 4');
    expect((await listed(archive)).map((c) => c.name)).toEqual(['Fritid på Instagram', 'Kultur & bibliotek <Umeå>']);

    const csv = (await runCli(['channels', 'export', '--archive', archive, '--format', 'csv'])).stdout;
    expect(csv.startsWith('\uFEFFid;namn;plattform;adress;enhet;ägare')).toBe(true);
    const again = newArchive();
    writeFileSync(path.join(again, 'export.csv'), csv);
    expect((await runCli(['channels', 'import', path.join(again, 'export.csv'), '--archive', again])).code).toBe(0);
    expect((await listed(again)).map(({ id, name, platform, url, unit, owners, active }) => ({ id, name, platform, url, unit, owners, active })))
      .toEqual((await listed(archive)).map(({ id, name, platform, url, unit, owners, active }) => ({ id, name, platform, url, unit, owners, active })));

    const publicCsv = (await runCli(['channels', 'export', '--archive', archive, '--format', 'csv', '--public'])).stdout;
    expect(publicCsv.split('\r\n')[0]).toBe('\uFEFFKonto;Plattform;Adress;Ansvarig enhet');
    expect(publicCsv).not.toContain('Sara Ek');

    await app(archive).saveSettings({ organisation: 'Umeå kommun', archiveDir: archive, browserPath: '', language: 'sv', rounds: '', autoCapture: false, tsaUrl: '', tsaRoots: '' });
    const html = (await runCli(['channels', 'export', '--archive', archive, '--format', 'html'])).stdout;
    expect(html).toContain('<h2 id="sociala-medier-rubrik">Umeå kommun i sociala medier</h2>');
    expect(html).toContain('<th scope="col">Konto</th>');
    expect(html).toContain('<td><a href="https://www.facebook.com/kultur">Kultur &amp; bibliotek &lt;Umeå&gt;</a></td>');
    expect(html).toContain('<td>Instagram</td>');
    expect(html).not.toMatch(/<script|style=|Sara Ek/);
  }, 120_000);

  it('the app and the command line share one register and the shared settings: a change in one is seen by the other; a stale edit is refused', async () => {
    const archive = newArchive();
    const own: Channel = { id: 'bibliotek', name: 'Biblioteket', platform: 'instagram', url: 'https://www.instagram.com/bibliotek', unit: 'Kultur', owners: ['A', 'B'], pageOwner: '', notes: '', active: true };
    // A user of an earlier version: the channels and settings in their own store move into the archive once.
    const storage = new MemoryStorage();
    storage.set('channels', [own]);
    storage.set('settings', { organisation: 'Vara kommun', rounds: 'april:04-01..04-30,oktober:10-01..10-31', archiveDir: archive, browserPath: '', language: 'sv', autoCapture: false });
    const desk = app(archive, storage);
    expect(await desk.getRegisterInfo()).toMatchObject({ channels: 1, moved: { added: ['bibliotek'], alreadyThere: [] } });
    expect(storage.get('channels')).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(archive, 'gemensamma-installningar.json'), 'utf8'))).toMatchObject({ organisation: 'Vara kommun', rounds: 'april:04-01..04-30,oktober:10-01..10-31' });
    expect((await listed(archive)).map((c) => c.id)).toEqual(['bibliotek']);
    expect((await runCli(['channels', 'history', 'bibliotek', '--archive', archive])).stdout).toContain('\tmoved\t');

    // The command line adds; another desk with its own, empty store sees it and the shared settings.
    expect((await runCli(['channels', 'add', '--archive', archive, '--id', 'fritid', '--name', 'Fritid', '--url', 'https://x.com/fritid', '--unit', 'Fritid', '--owners', 'C, D'])).code).toBe(0);
    const other = app(archive);
    expect((await other.listChannels()).map((c) => c.id)).toEqual(['bibliotek', 'fritid']);
    expect(await other.getSettings()).toMatchObject({ organisation: 'Vara kommun', rounds: 'april:04-01..04-30,oktober:10-01..10-31' });
    expect((await other.getRoundOverview()).round.name).toMatch(/april|oktober/);

    // Both desks open "fritid" at version 1; the first save wins, the second is refused, not merged over it.
    const [opened] = (await desk.listChannels()).filter((c) => c.id === 'fritid');
    expect(await other.saveChannel({ ...opened!, unit: 'Fritid och idrott' }, { id: 'fritid', version: opened!.version })).toMatchObject({ channel: { version: 2 } });
    await expect(desk.saveChannel({ ...opened!, name: 'Fritid Vara' }, { id: 'fritid', version: opened!.version })).rejects.toMatchObject({ code: 'register_changed' });
    expect((await listed(archive)).find((c) => c.id === 'fritid')).toMatchObject({ name: 'Fritid', unit: 'Fritid och idrott' });

    // The scheduled task needs no channel file: `due` reads the archive's register and its rounds.
    const due = await runCli(['due', '--archive', archive, '--at', '2026-10-05T10:00:00+02:00']);
    expect(due.code).toBe(0);
    expect(due.stdout).toContain('Round 2026 oktober');
    expect(due.stdout).toContain('Due (2): bibliotek, fritid');
  }, 120_000);

  it('carries the register to a new archive folder that has none (a share set up for the municipality), and leaves one that has a register as it is', async () => {
    const [local, share, other] = [newArchive(), newArchive(), newArchive()];
    const desk = app(local);
    await desk.saveChannel({ id: 'kultur', name: 'Kultur', url: 'https://www.facebook.com/kultur', unit: 'Kultur', owners: ['A', 'B'] });
    await desk.saveSettings({ ...(await desk.getSettings()), archiveDir: share });
    expect((await desk.listChannels()).map((c) => c.id)).toEqual(['kultur']);
    expect(await desk.getRegisterInfo()).toMatchObject({ file: path.join(share, 'kanalregister.json'), moved: { added: ['kultur'] } });
    expect((await runCli(['channels', 'history', 'kultur', '--archive', share])).stdout).toContain('\tmoved\t');

    expect((await runCli(['channels', 'add', '--archive', other, '--id', 'x-kanal', '--name', 'X', '--url', 'https://x.com/kommunen', '--unit', 'Kommunikation', '--owners', 'C, D'])).code).toBe(0);
    await desk.saveSettings({ ...(await desk.getSettings()), archiveDir: other });
    expect((await desk.listChannels()).map((c) => c.id)).toEqual(['x-kanal']);
  }, 60_000);

  it('commands without --channels say what to do when the archive has no register', async () => {
    const archive = newArchive();
    const due = await runCli(['due', '--archive', archive]);
    expect(due.code).toBe(1);
    expect(due.stderr).toContain('has no channel register (kanalregister.json) yet');
    const capture = await runCli(['capture', '--archive', archive]);
    expect(capture.code).toBe(1);
    expect(capture.stderr).toContain('kanalarkiv channels add');
  }, 60_000);
});
