import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChannelRegister } from '../../../src/main/register/register';
import { JsonFileStorage, MemoryStorage } from '../../../src/main/storage';

const kultur = { id: 'kultur', name: 'Kultur', url: 'https://www.facebook.com/kultur', unit: 'Kultur', owners: ['Anna', 'Olof'] };

describe('ChannelRegister', () => {
  it('adds, edits and keeps channels, with the platform inferred', () => {
    const register = new ChannelRegister(new MemoryStorage());
    const saved = register.save(kultur);
    expect('channel' in saved && saved.channel.platform).toBe('facebook');
    expect(register.save({ ...kultur, name: 'Kultur Umeå' }, 'kultur')).toMatchObject({ channel: { name: 'Kultur Umeå' } });
    expect(register.list().map((c) => c.name)).toEqual(['Kultur Umeå']);
  });

  it('refuses a channel whose id or address is already registered, naming the field', () => {
    const register = new ChannelRegister(new MemoryStorage());
    register.save(kultur);
    expect(register.save({ ...kultur, url: 'https://b.se' })).toEqual({ issues: [expect.objectContaining({ field: 'id' })] });
    expect(register.save({ ...kultur, id: 'other' })).toEqual({ issues: [expect.objectContaining({ field: 'url' })] });
    expect(register.save({ ...kultur, id: 'x', url: 'file:///etc/passwd' })).toEqual({ issues: [expect.objectContaining({ field: 'url' })] });
    expect(register.list()).toHaveLength(1);
  });

  it('warns, but saves, a channel with one owner', () => {
    const register = new ChannelRegister(new MemoryStorage());
    expect(register.save({ ...kultur, owners: ['Anna'] })).toMatchObject({ warnings: [expect.objectContaining({ field: 'owners' })] });
  });

  it('previews a CSV import row by row and imports only the rows without problems', () => {
    const storage = new JsonFileStorage(path.join(mkdtempSync(path.join(os.tmpdir(), 'register-')), 'settings.json'));
    const register = new ChannelRegister(storage);
    register.save(kultur);
    const csv = 'id;namn;adress;enhet;ägare\nfritid;Fritid;https://www.instagram.com/fritid;Fritid;A, B\nkultur;Dubblett;https://x.com/k;Kultur;A, B\nlokal;Lokal;file:///c:/x;IT;A\n';
    const preview = register.previewImport(csv, 'kanaler.csv');
    expect(preview.importable).toBe(1);
    expect(preview.rows.map((r) => [r.entry, r.issues.map((i) => i.field)])).toEqual([['row 2', []], ['row 3', ['id']], ['row 4', ['url']]]);
    expect(register.list()).toHaveLength(1);
    expect(register.importRows(csv, 'kanaler.csv')).toBe(1);
    expect(new ChannelRegister(storage).list().map((c) => c.id)).toEqual(['kultur', 'fritid']);
  });
});
