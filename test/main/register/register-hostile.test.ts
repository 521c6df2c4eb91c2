import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HISTORY_FILE } from '../../../src/main/register/history';
import { ChannelRegister } from '../../../src/main/register/register';
import { REGISTER_FILE } from '../../../src/main/register/register-file';
import type { RegisteredChannel } from '../../../src/shared/register';
import { runCli } from '../../helpers/cli';

/** The register's write fails when a test says so (a disk that fills between the history line and the register). */
const failing = vi.hoisted(() => ({ write: false }));
vi.mock('../../../src/main/archive/shared-file', async (original) => {
  const real = await original<typeof import('../../../src/main/archive/shared-file')>();
  return { ...real, writeJsonFile: (file: string, value: unknown) => (failing.write ? Promise.reject(new Error('disk full')) : real.writeJsonFile(file, value)) };
});

/** A register that is not one, a history that cannot be written, and text that would act on a terminal. */
const kultur = { id: 'kultur', name: 'Kultur', url: 'https://www.facebook.com/kultur', unit: 'Kultur', owners: ['Anna', 'Olof'] };
const archive = () => mkdtempSync(path.join(os.tmpdir(), 'register-hostile-'));
const as = (dir: string) => new ChannelRegister(dir, () => 'anna');
const stored = (overrides: Partial<RegisteredChannel> & Record<string, unknown> = {}) => ({ ...kultur, platform: 'facebook', pageOwner: '', notes: '', active: true, version: 1, changedAt: '2026-01-01T00:00:00.000Z', changedBy: 'anna', ...overrides });

describe('a register file that is not a register', () => {
  it.each(['42', '"hello"', 'true', 'null', '0.5', '{"channels":"abc"}', '{"schemaVersion":-1}', '{"schemaVersion":"1","channels":[]}', '{"schemaVersion":1.5}'])('%s is refused as unreadable and never written over', async (content) => {
    const dir = archive();
    writeFileSync(path.join(dir, REGISTER_FILE), content);
    await expect(as(dir).list()).rejects.toMatchObject({ code: 'register_unreadable' });
    await expect(as(dir).save(kultur)).rejects.toMatchObject({ code: 'register_unreadable' });
    expect(readFileSync(path.join(dir, REGISTER_FILE), 'utf8')).toBe(content);
    const run = await runCli(['channels', 'list', '--archive', dir], { LANG: 'sv_SE.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Kanalregistret i arkivmappen (kanalregister.json) går inte att läsa');
    expect(run.stderr).not.toMatch(/internt fel|^\s+at /m);
  });

  it('refuses two channels with one id, naming them and where they are, before an edit could replace both', async () => {
    const dir = archive();
    const content = JSON.stringify({ format: 'kanalarkiv-kanalregister', schemaVersion: 1, revision: 3, channels: [stored(), stored({ url: 'https://www.facebook.com/andra', name: 'Andra' })] });
    writeFileSync(path.join(dir, REGISTER_FILE), content);
    const run = await runCli(['channels', 'edit', 'kultur', '--archive', dir, '--name', 'Nytt'], { LANG: 'sv_SE.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('flera kanaler med samma id: "kultur" (channels[0], channels[1])');
    expect(readFileSync(path.join(dir, REGISTER_FILE), 'utf8')).toBe(content);
  });

  it('keeps fields added by hand, at the top and in a channel, through every rewrite', async () => {
    const dir = archive();
    writeFileSync(path.join(dir, REGISTER_FILE), JSON.stringify({ format: 'kanalarkiv-kanalregister', schemaVersion: 1, revision: 1, anteckning: 'Förs av kommunikationsenheten', channels: [stored({ kostnadsstalle: '4711' })] }));
    await as(dir).save({ ...kultur, id: 'fritid', url: 'https://www.facebook.com/fritid' });
    const [current] = await as(dir).list();
    await as(dir).save({ ...kultur, name: 'Kultur Umeå' }, { id: 'kultur', version: current!.version });
    const file = JSON.parse(readFileSync(path.join(dir, REGISTER_FILE), 'utf8'));
    expect(file.anteckning).toBe('Förs av kommunikationsenheten');
    expect(file.channels[0]).toMatchObject({ name: 'Kultur Umeå', kostnadsstalle: '4711', version: 2 });
    expect((await as(dir).history('kultur')).at(-1)!.changes.map((c) => c.field)).toEqual(['name']);
  });

  it('refuses a register too large to be one with a sentence, not a stack trace', async () => {
    const dir = archive();
    writeFileSync(path.join(dir, REGISTER_FILE), '[');
    truncateSync(path.join(dir, REGISTER_FILE), 600 * 1024 * 1024);
    const run = await runCli(['channels', 'list', '--archive', dir], { LANG: 'sv_SE.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('är 600 MB, mycket större än ett kanalregister');
  });
});

describe('a change and its history line are one', () => {
  it.each([
    ['a folder in the history file\'s place', (file: string) => mkdirSync(file)],
    ['a history of 600 MB', (file: string) => {
      writeFileSync(file, '');
      truncateSync(file, 600 * 1024 * 1024);
    }],
  ])('with %s, nothing is saved, and a retry after the history is mended is not refused as a duplicate', async (_, spoil) => {
    const dir = archive();
    const history = path.join(dir, HISTORY_FILE);
    spoil(history);
    const run = await runCli(['channels', 'add', '--archive', dir, '--id', 'kultur', '--name', 'Kultur', '--url', kultur.url, '--unit', 'Kultur', '--owners', 'Anna,Olof'], { LANG: 'sv_SE.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Kanalregistrets historik (kanalregister-historik.jsonl) går inte att skriva');
    expect(await as(dir).list().catch(() => 'unreadable')).toEqual([]);
    rmSync(history, { recursive: true });
    expect((await as(dir).save(kultur) as { channel?: unknown }).channel).toBeTruthy();
  });

  it('a register that cannot be written takes its history line back', async () => {
    const dir = archive();
    await as(dir).save(kultur);
    const before = readFileSync(path.join(dir, HISTORY_FILE), 'utf8');
    failing.write = true;
    await expect(as(dir).save({ ...kultur, id: 'fritid', url: 'https://www.facebook.com/fritid' })).rejects.toThrow(/disk full/);
    failing.write = false;
    expect(readFileSync(path.join(dir, HISTORY_FILE), 'utf8')).toBe(before);
    expect((await as(dir).save({ ...kultur, id: 'fritid', url: 'https://www.facebook.com/fritid' }) as { channel?: unknown }).channel).toBeTruthy();
  });
});

describe('control characters', () => {
  it('are refused in every text field, from the command line and from a channel list', async () => {
    const dir = archive();
    const add = await runCli(['channels', 'add', '--archive', dir, '--id', 'kultur', '--name', 'x\u001b]0;owned\u0007\u001b[2Jy', '--url', kultur.url, '--unit', 'Kultur', '--owners', 'Anna,Olof'], { LANG: 'sv_SE.UTF-8' });
    expect(add.code).toBe(1);
    expect(add.stderr).toContain('”--name” innehåller ett styrtecken');
    expect(add.stderr).not.toContain('\u001b');
    const list = path.join(dir, 'lista.csv');
    writeFileSync(list, `id;name;url;unit;owners\nkultur;Kultur;${kultur.url};Kultur\u009b;Anna|Olof\n`);
    for (const option of ['--organisation', '--reason']) {
      const capture = await runCli(['capture', '--archive', dir, '--channels', list, option, 'a\u001b[2Jb'], { LANG: 'sv_SE.UTF-8' });
      expect(capture.code).toBe(1);
      expect(capture.stderr).toContain(`”${option}” innehåller ett styrtecken`);
    }
    const preview = await as(dir).previewImport(readFileSync(list, 'utf8'), 'lista.csv');
    expect(preview.rows[0]!.issues).toEqual([expect.objectContaining({ field: 'unit', code: 'control_chars' })]);
  });

  it('already in a register are never printed raw', async () => {
    const dir = archive();
    writeFileSync(path.join(dir, REGISTER_FILE), JSON.stringify({ format: 'kanalarkiv-kanalregister', schemaVersion: 1, revision: 1, channels: [stored({ name: 'x\u001b]0;owned\u0007\u001b[2Jy' })] }));
    const run = await runCli(['channels', 'list', '--archive', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/(?![\t\n])\p{Cc}/u);
    expect(run.stdout).toContain('x\\u001b]0;owned\\u0007\\u001b[2Jy');
  });
});
