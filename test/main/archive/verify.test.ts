import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyArchive } from '../../../src/main/archive/verify';
import { damagedRecords } from '../../../src/main/handover/check';
import type { SnapshotRef } from '../../../src/shared/archive';
import { makeTestBag, unlock } from '../../helpers/bag';
import { runCli } from '../../helpers/cli';

/** What verify does with what a hostile user or a broken disk leaves in a bag: it never hangs, and never calls such a bag intact. */
let archive: string;
beforeEach(() => {
  archive = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-verify-'));
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('verify, on what is not a regular file', () => {
  it.each([
    ['a FIFO as a payload file', 'data/sub/page.txt', 'fifo'],
    ['a FIFO as bagit.txt', 'bagit.txt', 'fifo'],
    ['a FIFO as the tag manifest', 'tagmanifest-sha256.txt', 'fifo'],
    ['a link to /dev/zero as a payload file', 'data/record.pdf', 'zero'],
    ['a link to /dev/zero as bag-info.txt', 'bag-info.txt', 'zero'],
  ])('reports %s without opening it, and the check before a handover does too', async (_, file, kind) => {
    const bag = await makeTestBag(archive);
    const target = path.join(bag, file);
    unlock(target);
    rmSync(target);
    if (kind === 'fifo') execFileSync('mkfifo', [target]);
    else symlinkSync('/dev/zero', target);

    const [report] = (await verifyArchive(archive)).bags;
    expect(report!.problems).toContainEqual(expect.objectContaining({ kind: 'not_a_file', file }));
    const damaged = await damagedRecords(archive, [path.relative(archive, bag) as SnapshotRef]);
    expect(damaged[0]!.problems).toContainEqual(expect.objectContaining({ kind: 'not_a_file', file }));

    const run = await runCli(['verify', '--archive', archive], { LANG: 'sv_SE.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/är inte en vanlig fil/);
  }, 30_000);

  it('calls a bag damaged whose metadata.json is not JSON, though its manifests were made to match', async () => {
    const bag = await makeTestBag(archive);
    const metadata = path.join(bag, 'data', 'metadata.json');
    unlock(metadata);
    // As many bytes as before, so that Payload-Oxum still holds: only the content tells.
    const broken = 'inte json {'.padEnd(readFileSync(metadata).length, ' ');
    writeFileSync(metadata, broken);
    const manifest = path.join(bag, 'manifest-sha256.txt');
    unlock(manifest);
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^[0-9a-f]{64}(?= {2}data\/metadata\.json$)/m, sha(broken)));
    const tags = path.join(bag, 'tagmanifest-sha256.txt');
    unlock(tags);
    writeFileSync(tags, readFileSync(tags, 'utf8').replace(/^[0-9a-f]{64}(?= {2}manifest-sha256\.txt$)/m, sha(readFileSync(manifest, 'utf8'))));

    const [report] = (await verifyArchive(archive)).bags;
    expect(report!.problems).toEqual([expect.objectContaining({ kind: 'invalid', file: 'data/metadata.json' })]);
  });
});
