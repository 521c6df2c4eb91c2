import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { removeAbandonedBags } from '../../../src/main/archive/bag';
import { Inventory } from '../../../src/main/archive/inventory';
import { INCOMPLETE_DIR, INVENTORY_FILE } from '../../../src/main/archive/layout';
import { LOCKS_DIR } from '../../../src/main/archive/lock';
import { checkArchive } from '../../../src/main/handover/check';
import { HandoverLog } from '../../../src/main/handover/log';
import { makeTestBag, unlock } from '../../helpers/bag';
import { runCli } from '../../helpers/cli';

/** Records that vanish, move or are rewritten are named by verify, held against the archive's inventory. */
let archive: string;
let bags: string[];
const ids = ['11111111-0000-4000-8000-000000000000', '22222222-0000-4000-8000-000000000000'];
beforeEach(async () => {
  archive = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-inventory-'));
  bags = [await makeTestBag(archive, ids[0], new Date('2026-04-01T10:00:00Z'), true), await makeTestBag(archive, ids[1], new Date('2026-04-02T10:00:00Z'), true)];
});

const ref = (bag: string) => path.relative(archive, bag).split(path.sep).join('/');
const problemsOf = async (name: string) => (await checkArchive(archive)).bags.find((b) => b.bag === name)?.problems ?? [];
/** Moves a bag as a person would: its read-only parent made writable first. */
function move(from: string, to: string): void {
  chmodSync(path.dirname(from), 0o755);
  mkdirSync(path.dirname(to), { recursive: true });
  renameSync(from, to);
}

describe('the inventory', () => {
  it('lists each finished bag with its tag manifest, chained', async () => {
    const reading = await new Inventory(archive).read();
    expect(reading.problems).toEqual([]);
    expect(reading.entries.map((e) => [e.event, e.snapshotId, e.ref])).toEqual([['added', ids[0], ref(bags[0]!)], ['added', ids[1], ref(bags[1]!)]]);
    expect(reading.entries[0]!.tagManifest).toBe(createHash('sha256').update(readFileSync(path.join(bags[0]!, 'tagmanifest-sha256.txt'))).digest('hex'));
    const report = await checkArchive(archive);
    expect(report.inventory).toEqual({ expected: 2, present: 2, built: null });
    expect(report.bags.every((b) => b.problems.length === 0)).toBe(true);
  });

  it('names a bag that was deleted, in Swedish: "2 ögonblicksbilder väntas, 1 finns"', async () => {
    removeBag(bags[0]!);
    expect(await problemsOf(ref(bags[0]!))).toEqual([expect.objectContaining({ kind: 'missing', file: '.' })]);
    const run = await runCli(['verify', '--archive', archive], { LANG: 'sv_SE.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('2 ögonblicksbilder väntas enligt arkivets förteckning, 1 finns.');
    expect(run.stdout).toContain('saknas i arkivet');
  });

  it.each([
    ['replaced by a link', (bag: string) => {
      const elsewhere = path.join(mkdtempSync(path.join(os.tmpdir(), 'elsewhere-')), 'bag');
      move(bag, elsewhere);
      symlinkSync(elsewhere, bag);
    }],
    ['whose channel folder was replaced by a link', (bag: string) => {
      const channel = path.dirname(bag);
      const elsewhere = path.join(mkdtempSync(path.join(os.tmpdir(), 'elsewhere-')), 'kultur');
      chmodSync(channel, 0o755);
      renameSync(channel, elsewhere);
      symlinkSync(elsewhere, channel);
    }],
  ])('names a bag %s, and never follows the link', async (_, tamper) => {
    tamper(bags[0]!);
    const report = await checkArchive(archive);
    expect(report.inventory.present).toBe(report.inventory.expected - (report.bags.filter((b) => b.problems.some((p) => p.kind === 'missing')).length));
    expect(report.bags.some((b) => b.problems.some((p) => p.kind === 'not_a_file' && p.detail.includes('symbolic link')))).toBe(true);
    expect(report.bags.find((b) => b.bag === ref(bags[0]!))?.problems).toContainEqual(expect.objectContaining({ kind: 'missing' }));
  });

  it.each([
    ['into the locks folder', () => path.join(archive, LOCKS_DIR, 'gömd')],
    ['into .incomplete', () => path.join(archive, INCOMPLETE_DIR, '999999999-gömd')],
    ['one level deeper, with bagit.txt deleted', () => path.join(archive, 'kultur', 'undermapp', 'bagen')],
    ['up to the archive\'s top, with bagit.txt deleted', () => path.join(archive, 'bagen')],
  ])('names a bag moved %s as moved, and the next capture\'s clean-up does not delete it', async (where, to) => {
    const target = to();
    if (where.includes('bagit.txt')) {
      unlock(path.join(bags[0]!, 'bagit.txt'));
      rmSync(path.join(bags[0]!, 'bagit.txt'));
    }
    move(bags[0]!, target);
    const report = await checkArchive(archive);
    expect(report.bags.find((b) => b.bag === ref(target))?.problems).toContainEqual(expect.objectContaining({ kind: 'moved' }));
    expect(report.inventory).toMatchObject({ expected: 2, present: 2 });
    await removeAbandonedBags(archive);
    expect(existsSync(path.join(target, 'data', 'record.pdf'))).toBe(true);
  });

  it('names a bag whose manifests were all written again, which BagIt alone cannot', async () => {
    const bag = bags[0]!;
    const page = path.join(bag, 'data', 'sub', 'page.txt');
    unlock(page);
    writeFileSync(page, 'Hej várlden\n');
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    const manifest = path.join(bag, 'manifest-sha256.txt');
    unlock(manifest);
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^[0-9a-f]{64}(?= {2}data\/sub\/page\.txt$)/m, sha(page)));
    const tags = path.join(bag, 'tagmanifest-sha256.txt');
    unlock(tags);
    writeFileSync(tags, readFileSync(tags, 'utf8').replace(/^[0-9a-f]{64}(?= {2}manifest-sha256\.txt$)/m, sha(manifest)));
    expect(await problemsOf(ref(bag))).toEqual([expect.objectContaining({ kind: 'changed', file: 'tagmanifest-sha256.txt', detail: expect.stringContaining('written again') })]);
  });

  it('names a bag copied in that Kanalarkiv never finished here', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-other-'));
    const foreign = await makeTestBag(other, '33333333-0000-4000-8000-000000000000', new Date('2026-04-03T10:00:00Z'));
    chmodSync(path.dirname(bags[0]!), 0o755);
    cpSync(foreign, path.join(archive, 'kultur', path.basename(foreign)), { recursive: true });
    expect(await problemsOf(`kultur/${path.basename(foreign)}`)).toEqual([expect.objectContaining({ kind: 'extra', file: '.' })]);
  });

  it('is made once for an archive that kept none, with a message, from the bags in it', async () => {
    rmSync(path.join(archive, INVENTORY_FILE));
    rmSync(path.join(archive, 'inventory.head.json'));
    const run = await runCli(['verify', '--archive', archive], { LANG: 'sv_SE.UTF-8' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('Arkivet hade ingen förteckning över sina ögonblicksbilder. Den har nu gjorts av de 2 som finns');
    expect((await new Inventory(archive).read()).entries.map((e) => e.event)).toEqual(['found', 'found']);
    const again = await runCli(['verify', '--archive', archive], { LANG: 'sv_SE.UTF-8' });
    expect(again.stdout).not.toContain('ingen förteckning');
  });

  it('an inventory cut at its end is told by its head', async () => {
    const file = path.join(archive, INVENTORY_FILE);
    writeFileSync(file, `${readFileSync(file, 'utf8').split('\n')[0]}\n`);
    expect(await problemsOf(INVENTORY_FILE)).toContainEqual(expect.objectContaining({ kind: 'invalid', detail: expect.stringContaining('entries were cut off') }));
  });

  it('names a bag the handover log delivered when the archive kept no inventory then', async () => {
    rmSync(path.join(archive, INVENTORY_FILE));
    rmSync(path.join(archive, 'inventory.head.json'));
    await new HandoverLog(archive).append({ at: '2026-04-20T10:00:00.000Z', by: 'Rut', deliveryId: 'd1', target: 'folder', destination: '/tmp/x', event: 'delivered', snapshotId: ids[0], ref: ref(bags[0]!), title: 'Kultur Umeå 1 april' });
    removeBag(bags[0]!);
    const report = await checkArchive(archive);
    expect(report.bags.find((b) => b.bag === ref(bags[0]!))?.problems).toEqual([expect.objectContaining({ kind: 'missing', detail: expect.stringContaining('was handed over') })]);
  });
});

/** Deletes a sealed bag as a person with rights would. */
function removeBag(bag: string): void {
  chmodSync(path.dirname(bag), 0o755);
  const open = (dir: string) => {
    chmodSync(dir, 0o755);
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) open(path.join(dir, entry.name));
  };
  open(bag);
  rmSync(bag, { recursive: true, force: true });
}
