import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { runCli } from '../helpers/cli';

/**
 * A full disk and a read-only share, made for real with small tmpfs mounts (root only, as on the
 * build machines): every command says what is wrong with which folder, with its exit code and JSON.
 */
function mountable(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'probe-mount-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  return mounted;
}
const canMount = mountable();

let site: FixtureSite;
let work: string;
const mounts: string[] = [];
function mount(options: string): string {
  const dir = path.join(work, `mount-${mounts.length}`);
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

beforeAll(async () => {
  site = await startFixtureSite();
  work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-fs-'));
});
afterAll(async () => {
  for (const dir of mounts.reverse()) spawnSync('umount', ['-l', dir]);
  await site?.close();
});

const channels = () => {
  const file = path.join(work, 'kanaler.json');
  writeFileSync(file, JSON.stringify([{ id: 'kultur', name: 'Kultur', platform: 'web', url: site.url('/plain'), unit: 'U', owners: ['A', 'B'] }]));
  return file;
};

describe.skipIf(!canMount)('file-system failures', () => {
  it('a disk that fills up during a capture: the channel fails saying the disk is full, and no half snapshot is left', async () => {
    const archive = mount('size=400k');
    writeFileSync(path.join(archive, 'fyllnad'), Buffer.alloc(330 * 1024));
    const run = await runCli(['capture', '--channels', channels(), '--archive', archive, '--json'], { KANALARKIV_HOME: path.join(work, 'home') });
    expect(run.code, run.stderr).toBe(2);
    const [result] = JSON.parse(run.stdout).results;
    expect(result).toMatchObject({ status: 'failed', error: { code: 'archive_unwritable', message: expect.stringContaining('disken är full') } });
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(path.join(archive, '.incomplete'))).toEqual([]);
    expect(readdirSync(archive).filter((f) => !f.startsWith('.') && f !== 'fyllnad')).toEqual([]);
  });

  it('a read-only archive: capture refuses at once, naming the folder, with exit 1 and the JSON object', async () => {
    const archive = mount('size=64k,ro');
    const run = await runCli(['capture', '--channels', channels(), '--archive', archive, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ results: [], error: { code: 'invalid_arguments', message: expect.stringContaining('read-only') } });
    expect(run.stderr).toContain(archive);
  });

  it('a handover to a read-only folder fails each record saying so, and the archive is unchanged', async () => {
    const archive = path.join(work, 'arkiv');
    expect((await runCli(['capture', '--channels', channels(), '--archive', archive], { KANALARKIV_HOME: path.join(work, 'home') })).code).toBe(0);
    const dest = mount('size=64k,ro');
    const run = await runCli(['handover', '--archive', archive, '--to', 'folder', '--dest', dest, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).items[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/read-only|Cannot create/) });
    expect((await runCli(['verify', '--archive', archive])).code).toBe(0);

    // E-mail written as .eml files to a disk that is full: each fails, and no half message is left for the pickup.
    const drop = mount('size=64k');
    writeFileSync(path.join(drop, 'fyllnad'), Buffer.alloc(60 * 1024));
    const mail = await runCli(['handover', '--archive', archive, '--to', 'email', '--dest', drop, '--from', 'rut@umea.se', '--to-address', 'registrator@umea.se', '--json']);
    expect(mail.code).toBe(2);
    expect(JSON.parse(mail.stdout).items[0]).toMatchObject({ status: 'failed' });
    expect(readdirSync(drop).filter((f) => f.endsWith('.partial') || f.endsWith('.eml'))).toEqual([]);
  });
});

describe('archive folders that are not archives', () => {
  it.each([['verify'], ['due'], ['handover']])('%s --archive / is refused at once, not walked', async (command) => {
    const extra = command === 'due' ? ['--channels', channels()] : command === 'handover' ? ['--to', 'folder', '--dest', work, '--list'] : [];
    const run = await runCli([command, '--archive', '/', ...extra]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/root of a disk/);
  });
});
