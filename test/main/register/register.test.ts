import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChannelRegister } from '../../../src/main/register/register';
import { HISTORY_FILE } from '../../../src/main/register/history';
import { REGISTER_FILE } from '../../../src/main/register/register-file';
import type { RegisteredChannel } from '../../../src/shared/register';

const kultur = { id: 'kultur', name: 'Kultur', url: 'https://www.facebook.com/kultur', unit: 'Kultur', owners: ['Anna', 'Olof'] };
const archive = () => mkdtempSync(path.join(os.tmpdir(), 'register-'));
const as = (dir: string, by: string) => new ChannelRegister(dir, () => by);
const saved = async (result: Promise<unknown>) => {
  const value = (await result) as { channel?: RegisteredChannel };
  if (!value.channel) throw new Error(`not saved: ${JSON.stringify(value)}`);
  return value.channel;
};

describe('the channel register in the archive folder', () => {
  it('adds, edits and keeps channels in kanalregister.json, with the platform inferred and a version per change', async () => {
    const dir = archive();
    const first = await saved(as(dir, 'anna').save(kultur));
    expect(first).toMatchObject({ platform: 'facebook', version: 1, changedBy: 'anna' });
    const second = await saved(as(dir, 'olof').save({ ...kultur, name: 'Kultur Umeå' }, { id: 'kultur', version: 1 }));
    expect(second).toMatchObject({ name: 'Kultur Umeå', version: 2, changedBy: 'olof' });
    const file = JSON.parse(readFileSync(path.join(dir, REGISTER_FILE), 'utf8'));
    expect(file).toMatchObject({ format: 'kanalarkiv-kanalregister', schemaVersion: 1, revision: 2, channels: [{ id: 'kultur', name: 'Kultur Umeå' }] });
    expect((await as(dir, 'x').list()).map((c) => c.name)).toEqual(['Kultur Umeå']);
  });

  it('refuses an edit made from a version someone else has changed since, and keeps their change', async () => {
    const dir = archive();
    await as(dir, 'anna').save(kultur);
    await saved(as(dir, 'olof').save({ ...kultur, unit: 'Fritid' }, { id: 'kultur', version: 1 }));
    await expect(as(dir, 'anna').save({ ...kultur, name: 'Annas namn' }, { id: 'kultur', version: 1 })).rejects.toMatchObject({ code: 'register_changed' });
    await expect(as(dir, 'anna').remove({ id: 'kultur', version: 1 })).rejects.toMatchObject({ code: 'register_changed' });
    expect(await as(dir, 'x').list()).toMatchObject([{ name: 'Kultur', unit: 'Fritid', version: 2 }]);
    await as(dir, 'olof').remove({ id: 'kultur', version: 2 });
    await expect(as(dir, 'anna').save(kultur, { id: 'kultur', version: 2 })).rejects.toMatchObject({ code: 'not_registered' });
  });

  it('keeps a history of every add, change, deactivation and removal: who, when, what changed', async () => {
    const dir = archive();
    const clock = ['2026-03-01T09:00:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-03T09:00:00.000Z', '2026-03-04T09:00:00.000Z'];
    const at = (i: number) => new ChannelRegister(dir, () => ['anna', 'olof', 'sara', 'per'][i]!, () => new Date(clock[i]!));
    await at(0).save(kultur);
    await at(1).save({ ...kultur, owners: ['Anna', 'Olof', 'Sara'] }, { id: 'kultur', version: 1 });
    await at(2).save({ ...kultur, owners: ['Anna', 'Olof', 'Sara'], active: false }, { id: 'kultur', version: 2 });
    await at(3).remove({ id: 'kultur', version: 3 });
    const history = await at(0).history('kultur');
    expect(history.map((e) => [e.seq, e.action, e.by, e.at])).toEqual([
      [1, 'added', 'anna', clock[0]], [2, 'changed', 'olof', clock[1]], [3, 'deactivated', 'sara', clock[2]], [4, 'removed', 'per', clock[3]],
    ]);
    expect(history[1]!.changes).toEqual([{ field: 'owners', from: ['Anna', 'Olof'], to: ['Anna', 'Olof', 'Sara'] }]);
    // What a removed channel was stays readable in the history alone.
    expect(history[3]!.changes).toContainEqual({ field: 'url', from: 'https://www.facebook.com/kultur', to: null });
    expect(await at(0).list()).toEqual([]);
  });

  it('an edit that changes nothing writes nothing', async () => {
    const dir = archive();
    await as(dir, 'anna').save(kultur);
    const again = await saved(as(dir, 'olof').save(kultur, { id: 'kultur', version: 1 }));
    expect(again).toMatchObject({ version: 1, changedBy: 'anna' });
    expect(readFileSync(path.join(dir, HISTORY_FILE), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('refuses a channel whose id or address is already registered, naming the field', async () => {
    const dir = archive();
    await as(dir, 'anna').save(kultur);
    expect(await as(dir, 'anna').save({ ...kultur, url: 'https://b.se' })).toEqual({ issues: [expect.objectContaining({ field: 'id' })] });
    expect(await as(dir, 'anna').save({ ...kultur, id: 'other' })).toEqual({ issues: [expect.objectContaining({ field: 'url' })] });
    expect(await as(dir, 'anna').save({ ...kultur, id: 'x', url: 'file:///etc/passwd' })).toEqual({ issues: [expect.objectContaining({ field: 'url' })] });
    expect(await as(dir, 'anna').list()).toHaveLength(1);
  });

  it('warns, but saves, a channel with one owner', async () => {
    expect(await as(archive(), 'anna').save({ ...kultur, owners: ['Anna'] })).toMatchObject({ warnings: [expect.objectContaining({ field: 'owners' })] });
  });

  it('previews a CSV import row by row and imports only the rows without problems, as "imported" in the history', async () => {
    const dir = archive();
    await as(dir, 'anna').save(kultur);
    const csv = 'id;namn;adress;enhet;ägare\nfritid;Fritid;https://www.instagram.com/fritid;Fritid;A, B\nkultur;Dubblett;https://x.com/k;Kultur;A, B\nlokal;Lokal;file:///c:/x;IT;A\n';
    const preview = await as(dir, 'anna').previewImport(csv, 'kanaler.csv');
    expect(preview.importable).toBe(1);
    expect(preview.rows.map((r) => [r.entry, r.issues.map((i) => i.field)])).toEqual([['row 2', []], ['row 3', ['id']], ['row 4', ['url']]]);
    expect(preview.unknownColumns).toEqual([]);
    expect(await as(dir, 'anna').list()).toHaveLength(1);
    expect(await as(dir, 'olof').importRows(csv, 'kanaler.csv')).toEqual(['fritid']);
    expect((await as(dir, 'x').list()).map((c) => c.id)).toEqual(['kultur', 'fritid']);
    expect((await as(dir, 'x').history('fritid')).map((e) => [e.action, e.by])).toEqual([['imported', 'olof']]);
  });

  it('names the columns and JSON fields it does not know, which are not imported', async () => {
    const dir = archive();
    const csv = 'id;namn;adress;enhet;ägarinfo;Telefon;\nfritid;Fritid;https://www.instagram.com/fritid;Fritid;Sara;090;\n';
    expect((await as(dir, 'anna').previewImport(csv, 'kanaler.csv')).unknownColumns).toEqual(['ägarinfo', 'Telefon']);
    const json = JSON.stringify([{ id: 'a', name: 'A', url: 'https://a.se', unit: 'U', owners: ['A', 'B'], agare: 'X' }, { id: 'b', name: 'B', url: 'https://b.se', unit: 'U', phone: '1', agare: 'Y' }]);
    expect((await as(dir, 'anna').previewImport(json, 'kanaler.json')).unknownColumns).toEqual(['agare', 'phone']);
  });

  it('reads a plain channel list put in the archive by hand (layout 0), and refuses a register from a newer Kanalarkiv', async () => {
    const dir = archive();
    writeFileSync(path.join(dir, REGISTER_FILE), JSON.stringify([kultur]));
    expect(await as(dir, 'anna').list()).toMatchObject([{ id: 'kultur', platform: 'facebook', version: 1 }]);
    await saved(as(dir, 'anna').save({ ...kultur, name: 'Ny' }, { id: 'kultur', version: 1 }));
    expect(JSON.parse(readFileSync(path.join(dir, REGISTER_FILE), 'utf8'))).toMatchObject({ schemaVersion: 1, channels: [{ name: 'Ny', version: 2 }] });

    const newer = archive();
    writeFileSync(path.join(newer, REGISTER_FILE), JSON.stringify({ format: 'kanalarkiv-kanalregister', schemaVersion: 9, revision: 1, channels: [] }));
    await expect(as(newer, 'anna').list()).rejects.toMatchObject({ code: 'register_too_new' });
    await expect(as(newer, 'anna').save(kultur)).rejects.toMatchObject({ code: 'register_too_new' });
    expect(JSON.parse(readFileSync(path.join(newer, REGISTER_FILE), 'utf8')).schemaVersion).toBe(9);

    const damaged = archive();
    writeFileSync(path.join(damaged, REGISTER_FILE), '{"format": "kanalarkiv-kanalregister", "schemaVersion": 1, "revis');
    await expect(as(damaged, 'anna').list()).rejects.toMatchObject({ code: 'register_unreadable' });
  });
});
