import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestFile } from '../../../src/main/archive/files';
import { verifyBag } from '../../../src/main/archive/verify';
import { readCatalogue } from '../../../src/main/archive/catalogue';
import { handOver } from '../../../src/main/handover/deliver';
import { HANDOVER_HEAD_FILE, INCOMING_DIR } from '../../../src/main/archive/layout';
import { fileArchiveAdapter } from '../../../src/main/handover/file-archive';
import { HandoverLog } from '../../../src/main/handover/log';
import { METADATA_CSV, uploadFolderAdapter } from '../../../src/main/handover/upload-folder';
import { csv } from '../../../src/main/csv';
import type { SnapshotRef } from '../../../src/shared/archive';
import { makeArchive, type TestArchive } from '../../helpers/archive';

let archive: TestArchive;
beforeAll(async () => {
  archive = await makeArchive('handover-folders');
}, 180_000);

const tempDir = (name: string) => mkdtempSync(path.join(os.tmpdir(), `${name}-`));

describe('handover to a file archive', () => {
  it('copies each bag whole, verified, and a re-run copies nothing again', async () => {
    const target = tempDir('file-archive');
    const first = await handOver({ archiveDir: archive.dir, adapter: fileArchiveAdapter(target), refs: archive.refs, by: 'Registrator Rut' });
    expect(first.items.map((i) => i.status)).toEqual(['delivered', 'delivered', 'delivered']);
    for (const id of archive.refs) {
      expect(await verifyBag(path.join(target, id))).toEqual([]);
      expect((await digestFile(path.join(target, id, 'data', 'record.pdf'))).sha256).toBe(first.items.find((i) => i.ref === id)!.sha256);
    }
    expect(readdirSync(path.join(target, INCOMING_DIR))).toEqual([]);

    const again = await handOver({ archiveDir: archive.dir, adapter: fileArchiveAdapter(target), refs: archive.refs, by: 'Registrator Rut' });
    expect(again.items.map((i) => i.status)).toEqual(['already-delivered', 'already-delivered', 'already-delivered']);
    const { entries, problems } = await new HandoverLog(archive.dir).read();
    expect(problems).toEqual([]);
    expect(entries.filter((e) => e.target === 'file-archive' && e.event === 'delivered')).toHaveLength(3);
  });

  it('resumes an interrupted copy: keeps the whole files, replaces the cut one, and never overwrites a different bag', async () => {
    const target = tempDir('file-archive-resume');
    const [id, otherId] = archive.refs;
    // What an interrupted run leaves: part of the bag in the incoming area, one file cut short.
    const incoming = path.join(target, INCOMING_DIR, id!.replace(/\//g, '__'));
    const { cpSync } = await import('node:fs');
    cpSync(path.join(archive.dir, id!), incoming, { recursive: true });
    for (const dir of [incoming, path.join(incoming, 'data')]) chmodSync(dir, 0o755);
    const cut = path.join(incoming, 'data', 'record.pdf');
    chmodSync(cut, 0o644);
    writeFileSync(cut, readFileSync(cut).subarray(0, 1000));
    rmSync(path.join(incoming, 'tagmanifest-sha256.txt'), { force: true });
    // And someone else's bag where the second one would go.
    const squatter = path.join(target, otherId!);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(squatter, 'data'), { recursive: true });
    writeFileSync(path.join(squatter, 'bagit.txt'), 'BagIt-Version: 1.0\n');

    const result = await handOver({ archiveDir: archive.dir, adapter: fileArchiveAdapter(target), refs: [id!, otherId!], by: 'Rut' });
    expect(result.items[0]!.status).toBe('delivered');
    expect(await verifyBag(path.join(target, id!))).toEqual([]);
    expect(result.items[1]).toMatchObject({ status: 'failed', error: expect.stringMatching(/already holds a different bag; nothing was overwritten/) });
    expect(readFileSync(path.join(squatter, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\n');
  });

  it('refuses to hand over a record that fails its fixity check', async () => {
    const copy = tempDir('damaged-archive');
    const { cpSync } = await import('node:fs');
    cpSync(archive.dir, copy, { recursive: true });
    const id = archive.refs[0]!;
    const text = path.join(copy, id, 'data', 'page.txt');
    chmodSync(path.join(copy, id, 'data'), 0o755);
    chmodSync(text, 0o644);
    writeFileSync(text, 'ändrad');
    const target = tempDir('file-archive-damaged');
    const result = await handOver({ archiveDir: copy, adapter: fileArchiveAdapter(target), refs: [id], by: 'Rut' });
    expect(result.items[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/failed its fixity check.*page\.txt/) });
    expect(existsSync(path.join(target, id))).toBe(false);
  });
});

describe('a record is known by its identity, not its folder', () => {
  it('a bag moved within the archive is not handed over again, and a log line written before refs counts for it', async () => {
    const { cpSync, renameSync } = await import('node:fs');
    const copy = tempDir('moved-archive');
    cpSync(archive.dir, copy, { recursive: true });
    const [ref] = archive.refs;
    const target = tempDir('file-archive-moved');
    const first = await handOver({ archiveDir: copy, adapter: fileArchiveAdapter(target), refs: [ref!], by: 'Rut' });
    expect(first.items[0]!.status).toBe('delivered');

    // The archivist moves the bag into another channel folder (a renamed channel id, say).
    const moved = `flyttad/${ref!.split('/')[1]}` as SnapshotRef;
    chmodSync(path.join(copy, ref!.split('/')[0]!), 0o755);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(copy, 'flyttad'));
    renameSync(path.join(copy, ref!), path.join(copy, moved));
    const again = await handOver({ archiveDir: copy, adapter: fileArchiveAdapter(target), refs: [moved], by: 'Rut' });
    expect(again.items[0]).toMatchObject({ ref: moved, status: 'already-delivered' });
    expect(existsSync(path.join(target, moved))).toBe(false);

    // A line from before the log knew identities names the snapshot by its folder: it still counts.
    const legacy = tempDir('legacy-archive');
    cpSync(archive.dir, legacy, { recursive: true });
    const line = { seq: 1, prev: '0'.repeat(64), at: '2026-05-01T08:00:00.000Z', by: 'Rut', deliveryId: 'old', target: 'folder', destination: 'X', event: 'delivered', snapshotId: archive.refs[1], title: 'T', sha256: null, bytes: null, round: null, remoteId: 'r', error: null };
    writeFileSync(path.join(legacy, 'handover-log.jsonl'), `${JSON.stringify(line)}\n`);
    // Such a log was kept before its head was.
    rmSync(path.join(legacy, HANDOVER_HEAD_FILE), { force: true });
    const folder = { ...uploadFolderAdapter(tempDir('upload-legacy')), destination: 'X' };
    const result = await handOver({ archiveDir: legacy, adapter: folder, refs: [archive.refs[1]!, archive.refs[2]!], by: 'Rut' });
    expect(result.items.map((i) => i.status)).toEqual(['already-delivered', 'delivered']);
  });
});

describe("handover to Platina's upload structure", () => {
  it('puts the records in a folder per round, named by title, with a metadata file', async () => {
    const target = tempDir('upload');
    const result = await handOver({ archiveDir: archive.dir, adapter: uploadFolderAdapter(target), refs: archive.refs, by: 'Rut' });
    expect(result.items.map((i) => i.status)).toEqual(['delivered', 'delivered', 'delivered']);
    const folder = path.join(target, '2026 april');
    const pdfs = readdirSync(folder).filter((f) => f.endsWith('.pdf')).sort();
    expect(pdfs).toHaveLength(3);
    expect(pdfs.some((f) => /^Ögonblicksbild Facebook Skolan- -Vår- -bästa- \d{4}-\d{2}-\d{2}\.pdf$/.test(f))).toBe(true);
    for (const item of result.items) expect((await digestFile(path.join(target, item.remoteId))).sha256).toBe(item.sha256);

    const text = readFileSync(path.join(folder, METADATA_CSV), 'utf8');
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Fil;Titel;Datum;Enhet;Kanal;Plattform;Adress;Omgång;Anledning;SHA-256;Ögonblicksbild');
    expect(lines).toHaveLength(4);
    expect(text).toContain('"Skolan: ""Vår"" <bästa>"');

    const again = await handOver({ archiveDir: archive.dir, adapter: uploadFolderAdapter(target), refs: archive.refs, by: 'Rut' });
    expect(again.items.every((i) => i.status === 'already-delivered')).toBe(true);
    expect(readdirSync(folder).filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
  });

  it('never replaces a file of the same name, tells records of the same day apart by their time, and says what to set when no folder is given', async () => {
    const target = tempDir('upload-taken');
    const id = archive.refs[0]!;
    const first = await handOver({ archiveDir: archive.dir, adapter: uploadFolderAdapter(target), refs: [id], by: 'Rut' });
    const placed = path.join(target, first.items[0]!.remoteId);
    // Someone replaces the file by hand; the log still says delivered, so we run against a fresh log copy.
    chmodSync(placed, 0o644);
    writeFileSync(placed, 'annan fil');
    rmSync(path.join(archive.dir, 'handover-log.jsonl'));
    rmSync(path.join(archive.dir, HANDOVER_HEAD_FILE), { force: true });
    const second = await handOver({ archiveDir: archive.dir, adapter: uploadFolderAdapter(target), refs: [id], by: 'Rut' });
    // A record of the same title (the same channel, the same day) is told apart by its time, not by "(2)".
    const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'medium' }).format(new Date((await readCatalogue(archive.dir)).snapshots.find((s) => s.ref === id)!.takenAt)).replace(/:/g, '.');
    expect(second.items[0]!.remoteId).toBe(first.items[0]!.remoteId.replace(/\.pdf$/, ` kl. ${time}.pdf`));
    expect(readFileSync(placed, 'utf8')).toBe('annan fil');
    const timed = path.join(target, second.items[0]!.remoteId);
    chmodSync(timed, 0o644);
    writeFileSync(timed, 'en tredje fil');
    rmSync(path.join(archive.dir, 'handover-log.jsonl'));
    rmSync(path.join(archive.dir, HANDOVER_HEAD_FILE), { force: true });
    const third = await handOver({ archiveDir: archive.dir, adapter: uploadFolderAdapter(target), refs: [id], by: 'Rut' });
    expect(third.items[0]!.remoteId).toBe(second.items[0]!.remoteId.replace(/\.pdf$/, ' (2).pdf'));
    expect(() => uploadFolderAdapter('')).toThrow(/No upload folder is set/);
  });
});

describe('the handover log', () => {
  it('chains every line to the one before, so an edit shows', async () => {
    const dir = tempDir('log');
    const log = new HandoverLog(dir);
    const base = { at: '2026-11-23T10:00:00.000Z', by: 'Rut', deliveryId: 'd1', target: 'folder' as const, destination: '/x' };
    await log.append({ ...base, event: 'started', snapshotId: 'a' });
    await log.append({ ...base, event: 'delivered', snapshotId: 'a', remoteId: 'r1' });
    await log.append({ ...base, event: 'delivered', snapshotId: 'b', remoteId: 'r2' });
    expect((await log.read()).problems).toEqual([]);
    const file = path.join(dir, 'handover-log.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('r1', 'r9');
    writeFileSync(file, lines.join('\n'));
    expect((await log.read()).problems).toEqual([{ line: 3, kind: 'out_of_chain', detail: expect.stringMatching(/does not follow/) }]);
  });

  it('sets a line cut short by a crash aside in a file of its own, and the chain goes on', async () => {
    const dir = tempDir('log-cut');
    const log = new HandoverLog(dir);
    const base = { at: '2026-11-23T10:00:00.000Z', by: 'Rut', deliveryId: 'd1', target: 'folder' as const, destination: '/x' };
    await log.append({ ...base, event: 'delivered', snapshotId: 'a', remoteId: 'r1' });
    const file = path.join(dir, 'handover-log.jsonl');
    // Cut short, and longer than the part of the file an append reads first.
    const remnant = `{"seq":2,"prev":"ab${'x'.repeat(100_000)}`;
    writeFileSync(file, `${readFileSync(file, 'utf8')}${remnant}`);
    expect((await log.read()).remnant).toBe(remnant);
    const next = await log.append({ ...base, event: 'delivered', snapshotId: 'b', remoteId: 'r2' });
    expect(next.seq).toBe(2);
    const reading = await log.read();
    expect(reading.entries.map((e) => e.snapshotId)).toEqual(['a', 'b']);
    expect(reading.problems).toEqual([]);
    const aside = readdirSync(dir).filter((f) => f.startsWith('handover-log.jsonl.cut-off-'));
    expect(aside.map((f) => readFileSync(path.join(dir, f), 'utf8'))).toEqual([remnant]);
  });
});

describe('cells of the metadata CSV', () => {
  it.each([
    ['=HYPERLINK("http://x","klick")', `"'=HYPERLINK(""http://x"",""klick"")"`],
    ['+46 90 16 10 00', `"'+46 90 16 10 00"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tdold', `"'\tdold"`],
    ['Kultur Umeå', 'Kultur Umeå'],
    ['Skolan; Vår', '"Skolan; Vår"'],
  ])('%j is written as %s, never as a live formula', (value, cell) => {
    expect(csv(value)).toBe(cell);
  });
});
