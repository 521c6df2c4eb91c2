import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bagLocation, removeAbandonedBags, resealBags, startBag } from '../../../src/main/archive/bag';
import { INCOMPLETE_DIR } from '../../../src/main/archive/layout';
import { verifyArchive } from '../../../src/main/archive/verify';
import { checkArchive, damagedRecords } from '../../../src/main/handover/check';
import type { SnapshotRef } from '../../../src/shared/archive';
import { BAG_INFO, makeTestBag, unlock } from '../../helpers/bag';
import { runCli } from '../../helpers/cli';

const INFO = BAG_INFO;

let archive: string;
beforeEach(() => {
  archive = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-bag-'));
});

const makeBag = (id = INFO.externalIdentifier, at = new Date('2026-04-14T08:30:00Z')) => makeTestBag(archive, id, at);

describe('bags', () => {
  it('moves a finished bag into <archive>/<channel>/<time>-<id> and leaves nothing in .incomplete', async () => {
    const bag = await makeBag();
    expect(path.relative(archive, bag)).toBe(path.join('kultur', '2026-04-14T083000Z-0b8f2d1e'));
    expect(readdirSync(path.join(archive, INCOMPLETE_DIR))).toEqual([]);
    expect(readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}data\/metadata\.json\n[0-9a-f]{64} {2}data\/record\.pdf\n[0-9a-f]{64} {2}data\/sub\/page\.txt\n$/);
    expect(readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')).toMatch(/^Payload-Oxum: \d+\.3$/m);
    expect((await verifyArchive(archive)).bags).toEqual([{ bag: 'kultur/2026-04-14T083000Z-0b8f2d1e', channelName: 'Kultur Umeå', takenAt: '2026-04-14T08:30:00.000Z', snapshotId: INFO.externalIdentifier, problems: [], copy: null }]);
  });

  it('never overwrites an existing snapshot', async () => {
    const first = await makeBag();
    const before = readFileSync(path.join(first, 'data', 'record.pdf'));
    await expect(makeBag()).rejects.toThrow(/never overwritten/);
    expect(readFileSync(path.join(first, 'data', 'record.pdf'))).toEqual(before);
  });

  it('refuses channel ids that would leave the archive', () => {
    expect(() => bagLocation(archive, '../outside', new Date(), INFO.externalIdentifier)).toThrow(/cannot be used/);
    expect(() => bagLocation(archive, 'a/b', new Date(), INFO.externalIdentifier)).toThrow(/cannot be used/);
  });

  it('seals again a bag a kill left writable between its move and its sealing', async () => {
    const bag = await makeBag();
    chmodSync(bag, 0o755);
    await resealBags(archive, [path.relative(archive, bag)]);
    expect(statSync(bag).mode & 0o777).toBe(0o555);
  });

  it('removes drafts of dead processes but not those of running ones', async () => {
    const mine = await startBag(archive);
    const dead = path.join(archive, INCOMPLETE_DIR, '999999999-dead');
    await mkdir(path.join(dead, 'data'), { recursive: true });
    const running = path.join(archive, INCOMPLETE_DIR, `${process.ppid}-running`);
    await mkdir(running);
    expect(await removeAbandonedBags(archive)).toEqual(['999999999-dead']);
    expect(existsSync(mine.root)).toBe(true);
    expect(existsSync(running)).toBe(true);
  });
});

describe('verify', () => {
  it('catches a changed byte', async () => {
    const bag = await makeBag();
    const file = path.join(bag, 'data', 'record.pdf');
    unlock(file);
    const bytes = readFileSync(file);
    bytes[3] = bytes[3]! ^ 1;
    writeFileSync(file, bytes);
    const [report] = (await verifyArchive(archive)).bags;
    expect(report!.problems).toEqual([expect.objectContaining({ kind: 'changed', file: 'data/record.pdf' })]);
  });

  it('catches a missing file', async () => {
    const bag = await makeBag();
    const file = path.join(bag, 'data', 'sub', 'page.txt');
    unlock(file);
    rmSync(file);
    const problems = (await verifyArchive(archive)).bags[0]!.problems;
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'missing', file: 'data/sub/page.txt' }));
    // The missing file explains the payload's size: a wrong Payload-Oxum is not a second fault to report.
    expect(problems).not.toContainEqual(expect.objectContaining({ file: 'bag-info.txt' }));
  });

  it('catches a Payload-Oxum that does not match the payload, when no payload file explains it', async () => {
    const bag = await makeBag();
    const info = path.join(bag, 'bag-info.txt');
    const tags = path.join(bag, 'tagmanifest-sha256.txt');
    unlock(info);
    unlock(tags);
    writeFileSync(info, readFileSync(info, 'utf8').replace(/^Payload-Oxum: (\d+)\./m, (_, bytes) => `Payload-Oxum: ${Number(bytes) + 1}.`));
    const sha = createHash('sha256').update(readFileSync(info)).digest('hex');
    writeFileSync(tags, readFileSync(tags, 'utf8').replace(/^[0-9a-f]{64}(\s+bag-info\.txt)$/m, `${sha}$1`));
    const problems = (await verifyArchive(archive)).bags[0]!.problems;
    expect(problems).toEqual([expect.objectContaining({ kind: 'invalid', file: 'bag-info.txt', detail: expect.stringContaining('Payload-Oxum says') })]);
  });

  it('catches an extra file, in the payload and beside the tag files', async () => {
    const bag = await makeBag();
    unlock(path.join(bag, 'data', 'smuggled.txt'));
    writeFileSync(path.join(bag, 'data', 'smuggled.txt'), 'not archived');
    unlock(path.join(bag, 'notes.txt'));
    writeFileSync(path.join(bag, 'notes.txt'), 'added later');
    const problems = (await verifyArchive(archive)).bags[0]!.problems;
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'extra', file: 'data/smuggled.txt' }));
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'extra', file: 'notes.txt' }));
  });

  it('catches an edited manifest through the tag manifest', async () => {
    const bag = await makeBag();
    const manifest = path.join(bag, 'manifest-sha256.txt');
    unlock(manifest);
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^[0-9a-f]/, (c) => (c === '0' ? '1' : '0')));
    const problems = (await verifyArchive(archive)).bags[0]!.problems.map((p) => `${p.kind} ${p.file}`);
    expect(problems).toEqual(expect.arrayContaining(['changed manifest-sha256.txt', 'changed data/metadata.json']));
  });

  it('kanalarkiv verify names each damaged bag by channel and date, says what is wrong and what to do, and exits non-zero', async () => {
    const intact = await makeBag('11111111-0000-4000-8000-000000000000', new Date('2026-04-01T10:00:00Z'));
    const damaged = await makeBag('22222222-0000-4000-8000-000000000000', new Date('2026-09-01T10:00:00Z'));
    unlock(path.join(damaged, 'data', 'record.pdf'));
    writeFileSync(path.join(damaged, 'data', 'record.pdf'), 'changed');
    const run = await runCli(['verify', '--archive', archive]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`DAMAGED Kultur Umeå, 1 Sept 2026, 12:00 (${path.relative(archive, damaged)})`);
    expect(run.stdout).toContain('The record (PDF) has changed since it was archived.');
    expect(run.stdout).toMatch(/data\/record\.pdf: SHA-256 is/);
    expect(run.stdout).toContain('The file archive has no copy of it.');
    expect(run.stdout).not.toContain(path.relative(archive, intact));
    expect(run.stdout).toContain('1 of 2 snapshots intact.');
  });

  it("checks a damaged bag's copy in the file archive, so the report can say whether to restore from it", async () => {
    const bag = await makeBag();
    const ref = path.relative(archive, bag).split(path.sep).join('/') as SnapshotRef;
    const fileArchive = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-filearchive-'));
    cpSync(bag, path.join(fileArchive, ref), { recursive: true });
    unlock(path.join(bag, 'data', 'record.pdf'));
    writeFileSync(path.join(bag, 'data', 'record.pdf'), 'changed');

    const report = await checkArchive(archive, fileArchive);
    expect(report.bags[0]).toMatchObject({ bag: ref, channelName: 'Kultur Umeå', takenAt: '2026-04-14T08:30:00.000Z', copy: { place: path.join(fileArchive, ref), intact: true } });
    expect(await damagedRecords(archive, [ref], fileArchive)).toEqual([expect.objectContaining({ bag: ref, copy: { place: path.join(fileArchive, ref), intact: true } })]);
    const run = await runCli(['verify', '--archive', archive]);
    expect(run.stdout).toContain('The file archive has no copy of it.');

    const copied = path.join(fileArchive, ref, 'data', 'sub', 'page.txt');
    unlock(copied);
    writeFileSync(copied, 'also changed');
    expect((await checkArchive(archive, fileArchive)).bags[0]!.copy).toEqual({ place: path.join(fileArchive, ref), intact: false });
    expect((await checkArchive(archive, path.join(fileArchive, 'elsewhere'))).bags[0]!.copy).toBeNull();
    expect(await damagedRecords(archive, [ref.replace(/-\w+$/, '-00000000') as SnapshotRef])).toHaveLength(1);
  });

  it('kanalarkiv verify exits 0 on an intact archive and 1 when the archive does not exist', async () => {
    await makeBag();
    expect((await runCli(['verify', '--archive', archive])).code).toBe(0);
    const missing = await runCli(['verify', '--archive', path.join(archive, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the archive/);
  });

  it('still sees a bag whose bagit.txt was deleted or replaced by a link, so it never vanishes from the archive', async () => {
    const gone = await makeBag('33333333-0000-4000-8000-000000000000', new Date('2026-04-02T10:00:00Z'));
    const linked = await makeBag('44444444-0000-4000-8000-000000000000', new Date('2026-04-03T10:00:00Z'));
    unlock(path.join(gone, 'bagit.txt'));
    rmSync(path.join(gone, 'bagit.txt'));
    unlock(path.join(linked, 'bagit.txt'));
    const elsewhere = path.join(archive, 'bagit-copy.txt');
    writeFileSync(elsewhere, readFileSync(path.join(linked, 'bagit.txt')));
    rmSync(path.join(linked, 'bagit.txt'));
    symlinkSync(elsewhere, path.join(linked, 'bagit.txt'));
    const report = await verifyArchive(archive);
    expect(report.bags.map((b) => b.bag)).toEqual([path.relative(archive, gone), path.relative(archive, linked)]);
    expect(report.bags[0]!.problems).toContainEqual(expect.objectContaining({ kind: 'invalid', file: 'bagit.txt' }));
    expect(report.bags[1]!.problems).toContainEqual(expect.objectContaining({ kind: 'not_a_file', file: 'bagit.txt', detail: expect.stringContaining('symbolic link') }));
    const run = await runCli(['verify', '--archive', archive]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('0 of 2 snapshots intact.');
  });

  it.each([
    ['emptied', () => ''],
    ['cut to the manifest line', (text: string) => text.split('\n').filter((l) => l.endsWith('manifest-sha256.txt')).join('\n')],
  ])('catches an edited bag-info.txt behind a tag manifest that was %s', async (_, edit) => {
    const bag = await makeBag();
    const tagmanifest = path.join(bag, 'tagmanifest-sha256.txt');
    unlock(tagmanifest);
    writeFileSync(tagmanifest, edit(readFileSync(tagmanifest, 'utf8')));
    const info = path.join(bag, 'bag-info.txt');
    unlock(info);
    writeFileSync(info, readFileSync(info, 'utf8').replace('Umeå kommun', 'Någon annan'));
    const problems = (await verifyArchive(archive)).bags[0]!.problems;
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'invalid', file: 'tagmanifest-sha256.txt', detail: expect.stringContaining('does not cover bag-info.txt') }));
  });

  it('catches a link or an empty folder added under data/ or at the bag root', async () => {
    const bag = await makeBag();
    chmodSync(bag, 0o755);
    chmodSync(path.join(bag, 'data'), 0o755);
    symlinkSync('/etc/hostname', path.join(bag, 'data', 'hostname'));
    mkdirSync(path.join(bag, 'data', 'tom'));
    mkdirSync(path.join(bag, 'extra'));
    const problems = (await verifyArchive(archive)).bags[0]!.problems.map((p) => `${p.kind} ${p.file}`);
    expect(problems).toEqual(expect.arrayContaining(['not_a_file data/hostname', 'extra data/tom', 'extra extra']));
  });

  it('catches a bag that was renamed or moved: its folder must agree with its identity', async () => {
    const bag = await makeBag();
    const renamed = path.join(archive, 'kultur', '2026-04-14T083000Z-99999999');
    chmodSync(path.dirname(bag), 0o755);
    renameSync(bag, renamed);
    const [report] = (await verifyArchive(archive)).bags;
    expect(report).toMatchObject({ bag: 'kultur/2026-04-14T083000Z-99999999', problems: [expect.objectContaining({ kind: 'moved', detail: expect.stringContaining('its identity says kultur/2026-04-14T083000Z-0b8f2d1e') })] });
  });

  it('catches a bag-info.txt whose identity is not the snapshot\'s', async () => {
    const bag = await makeBag();
    const info = path.join(bag, 'bag-info.txt');
    const tagmanifest = path.join(bag, 'tagmanifest-sha256.txt');
    unlock(info);
    unlock(tagmanifest);
    const edited = readFileSync(info, 'utf8').replace(INFO.externalIdentifier, '55555555-0000-4000-8000-000000000000');
    writeFileSync(info, edited);
    const { createHash } = await import('node:crypto');
    // A careful forger updates the tag manifest too; the identity still disagrees.
    writeFileSync(tagmanifest, readFileSync(tagmanifest, 'utf8').replace(/^[0-9a-f]{64}(?= {2}bag-info\.txt$)/m, createHash('sha256').update(edited).digest('hex')));
    const problems = (await verifyArchive(archive)).bags[0]!.problems;
    expect(problems).toEqual([expect.objectContaining({ kind: 'invalid', file: 'bag-info.txt', detail: expect.stringContaining('is not the snapshot id') })]);
  });

  it('does not count a file-archive copy being checked, or an unfinished snapshot, as a bag', async () => {
    const bag = await makeBag();
    cpSync(bag, path.join(archive, '.kanalarkiv-incoming', 'kultur__copy'), { recursive: true });
    mkdirSync(path.join(archive, INCOMPLETE_DIR, '1-x', 'data'), { recursive: true });
    expect((await verifyArchive(archive)).bags.map((b) => b.bag)).toEqual([path.relative(archive, bag)]);
  });
});
