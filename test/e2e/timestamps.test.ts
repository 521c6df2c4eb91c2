import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSharedSettings } from '../../src/main/archive/shared-settings';
import { stampBag } from '../../src/main/archive/stamp-bag';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { makeTestBag, unlock } from '../helpers/bag';
import { runCli } from '../helpers/cli';
import { startLocalTsa, type LocalTsa } from '../helpers/tsa';

/** Every record proves its time against a time-stamping authority of the test's own, made with openssl ts. */
let site: FixtureSite;
let tsa: LocalTsa;
let work: string;
beforeAll(async () => {
  site = await startFixtureSite();
  tsa = await startLocalTsa();
  work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-stamps-'));
});
afterAll(async () => {
  await site?.close();
  await tsa?.close();
});

const sv = { LANG: 'sv_SE.UTF-8' };
const channels = () => {
  const file = path.join(work, 'kanaler.json');
  writeFileSync(file, JSON.stringify([{ id: 'kultur', name: 'Kultur', platform: 'web', url: site.url('/plain'), unit: 'U', owners: ['A', 'B'] }]));
  return file;
};
const opensslVerifies = (bag: string) => {
  try {
    return execFileSync('openssl', ['ts', '-verify', '-data', path.join(bag, 'tagmanifest-sha256.txt'), '-in', path.join(bag, 'timestamp.tsr'), '-CAfile', tsa.caFile], { stdio: 'pipe' }).toString().includes('Verification: OK');
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
};

describe('trusted timestamps on records', () => {
  it('stamps a capture when it is finished; openssl ts -verify accepts the stamp, and verify trusts it', async () => {
    const archive = path.join(work, 'arkiv');
    const run = await runCli(['capture', '--channels', channels(), '--archive', archive, '--tsa', tsa.url, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const [result] = JSON.parse(run.stdout).results as Array<{ record: string; warnings: Array<{ code: string }> }>;
    const bag = result!.record;
    expect(result!.warnings.map((w) => w.code)).not.toContain('timestamp_failed');
    expect(opensslVerifies(bag)).toBe(true);
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', path.join(bag, 'data', 'record.pdf'), '-']).toString().replace(/\s+/g, ' ');
    expect(cover).toContain(`Betrodd tidsstämpel Begärs hos ${tsa.url} när ögonblicksbilden sparas.`);

    const verify = await runCli(['verify', '--archive', archive, '--tsa-ca', tsa.caFile], sv);
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toContain('1 av 1 ögonblicksbild har en betrodd tidsstämpel.');
    // The archive's shared trusted roots serve when no --tsa-ca is named.
    await updateSharedSettings(archive, (current) => ({ ...current, tsaRoots: readFileSync(tsa.caFile, 'utf8') }));
    const shared = await runCli(['verify', '--archive', archive], sv);
    expect(shared.stdout).toContain('1 av 1 ögonblicksbild har en betrodd tidsstämpel.');
  });

  it('loses nothing when the authority is down: the bag is kept with a warning, and kanalarkiv timestamp stamps it later', async () => {
    const archive = path.join(work, 'arkiv-nere');
    tsa.state.down = true;
    const run = await runCli(['capture', '--channels', channels(), '--archive', archive, '--json'], { KANALARKIV_TSA_URL: tsa.url });
    tsa.state.down = false;
    expect(run.code, run.stderr).toBe(0);
    const [result] = JSON.parse(run.stdout).results as Array<{ status: string; record: string; warnings: Array<{ code: string }> }>;
    expect(result!.status).toBe('ok');
    expect(result!.warnings.map((w) => w.code)).toContain('timestamp_failed');
    const bag = result!.record;
    expect(existsSync(path.join(bag, 'data', 'record.pdf'))).toBe(true);
    expect(existsSync(path.join(bag, 'timestamp.tsr'))).toBe(false);

    const later = await runCli(['timestamp', '--archive', archive, '--tsa', tsa.url], sv);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toContain('1 ögonblicksbild stämplades');
    expect(opensslVerifies(bag)).toBe(true);
    const again = await runCli(['timestamp', '--archive', archive, '--tsa', tsa.url], sv);
    expect(again.stdout).toContain('0 ögonblicksbilder stämplades');

    // The archive's shared setting ("Tidsstämpeltjänst") is the authority when none is named.
    await updateSharedSettings(archive, (current) => ({ ...current, tsaUrl: tsa.url }));
    const shared = await runCli(['capture', '--channels', channels(), '--archive', archive, '--json']);
    const [stampedByShared] = JSON.parse(shared.stdout).results as Array<{ record: string }>;
    expect(opensslVerifies(stampedByShared!.record)).toBe(true);
  });

  it('refuses an authority that is no web address before anything is made, in JSON too', async () => {
    const archive = path.join(work, 'arkiv-aldrig');
    for (const command of [['capture', '--channels', channels()], ['save-comment', site.url('/comment/web#c1'), '--channel', 'kultur', '--channels', channels(), '--reason', 'hot']]) {
      const run = await runCli([...command, '--archive', archive, '--tsa', 'ftp://tsa.example', '--json'], sv);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'invalid_arguments', message: expect.stringContaining('--tsa ”ftp://tsa.example” är ingen webbadress till en tidsstämpeltjänst') });
      expect(existsSync(archive)).toBe(false);
    }
  });

  it('names a stamp that was removed or replaced afterwards: the inventory recorded it', async () => {
    const archive = path.join(work, 'arkiv-borttagen');
    const run = await runCli(['capture', '--channels', channels(), '--archive', archive, '--tsa', tsa.url, '--json']);
    const bag = (JSON.parse(run.stdout).results as Array<{ record: string }>)[0]!.record;
    const stamp = path.join(bag, 'timestamp.tsr');
    const original = readFileSync(stamp);
    unlock(stamp);
    rmSync(stamp);
    const gone = await runCli(['verify', '--archive', archive], sv);
    expect(gone.code).toBe(2);
    expect(gone.stdout).toContain('Den betrodda tidsstämpeln (timestamp.tsr) saknas.');
    // A stamp of the same manifest from later (the bag stamped again) is not the one recorded either.
    await stampBag(bag, tsa.url);
    const replaced = await runCli(['verify', '--archive', archive, '--json']);
    expect(JSON.parse(replaced.stdout).bags[0].problems).toContainEqual(expect.objectContaining({ kind: 'changed', file: 'timestamp.tsr', detail: expect.stringContaining('it was replaced') }));
    unlock(stamp);
    writeFileSync(stamp, original);
    expect((await runCli(['verify', '--archive', archive])).code).toBe(0);
  });

  it('says in words how much later than the snapshot a stamp was made', async () => {
    const archive = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-late-'));
    const bag = await makeTestBag(archive, undefined, new Date(Date.now() - 40.5 * 86_400_000), true);
    await stampBag(bag, tsa.url);
    const verify = await runCli(['verify', '--archive', archive, '--tsa-ca', tsa.caFile], sv);
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/tidsstämpeln är 40 dagar senare än ögonblicksbilden/);
  });

  it('names a bag whose manifests were written again after its stamp, and one stamped by an authority not trusted', async () => {
    const archive = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-forged-'));
    const bag = await makeTestBag(archive, undefined, new Date(), true);
    await stampBag(bag, tsa.url);
    // A careful forger changes a file and writes every manifest again; BagIt alone cannot tell.
    const page = path.join(bag, 'data', 'sub', 'page.txt');
    unlock(page);
    writeFileSync(page, 'Hej várlden\n');
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    for (const [manifest, file] of [['manifest-sha256.txt', 'data/sub/page.txt'], ['tagmanifest-sha256.txt', 'manifest-sha256.txt']] as const) {
      const target = path.join(bag, manifest);
      unlock(target);
      writeFileSync(target, readFileSync(target, 'utf8').replace(new RegExp(`^[0-9a-f]{64}(?= {2}${file.replace(/[.]/g, '\\.')}$)`, 'm'), sha(path.join(bag, file))));
    }
    const forged = await runCli(['verify', '--archive', archive, '--tsa-ca', tsa.caFile, '--json']);
    expect(forged.code).toBe(2);
    expect(JSON.parse(forged.stdout).bags[0].problems).toContainEqual(expect.objectContaining({ kind: 'changed', file: 'timestamp.tsr', detail: expect.stringContaining('written again after the stamp') }));

    // Stamped anew by another authority: the stamp holds, but its signer is not among the trusted.
    const other = await startLocalTsa();
    try {
      unlock(path.join(bag, 'timestamp.tsr'));
      rmSync(path.join(bag, 'timestamp.tsr'));
      await stampBag(bag, other.url);
      const unknown = await runCli(['verify', '--archive', archive, '--tsa-ca', tsa.caFile, '--json']);
      expect(JSON.parse(unknown.stdout).bags[0].problems).toContainEqual(expect.objectContaining({ kind: 'invalid', file: 'timestamp.tsr', detail: expect.stringContaining('not among the trusted') }));
    } finally {
      await other.close();
    }
  });

  it('stamps the handover log\'s last line after a handover, so that a log cut later, head file and all, is told and refused', async () => {
    const archive = path.join(work, 'arkiv-logg');
    for (let i = 0; i < 2; i++) {
      const capture = await runCli(['capture', '--channels', channels(), '--archive', archive, '--json']);
      expect(capture.code, capture.stderr).toBe(0);
    }
    const dest = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-stamped-handover-'));
    const handover = await runCli(['handover', '--archive', archive, '--to', 'folder', '--dest', dest, '--tsa', tsa.url], sv);
    expect(handover.code, handover.stderr).toBe(0);
    const log = readFileSync(path.join(archive, 'handover-log.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(handover.stdout).toContain(`Överlämningsloggens rad ${log.length} stämplades av ${tsa.url}`);
    // The stamp is of the last line as written, and openssl accepts it on its own.
    const stamp = path.join(archive, 'handover-log.stamps', `seq-${String(log.length).padStart(8, '0')}.tsr`);
    const line = path.join(work, 'line.txt');
    writeFileSync(line, log.at(-1)!);
    expect(execFileSync('openssl', ['ts', '-verify', '-data', line, '-in', stamp, '-CAfile', tsa.caFile], { stdio: 'pipe' }).toString()).toContain('Verification: OK');
    const verify = await runCli(['verify', '--archive', archive, '--tsa-ca', tsa.caFile], sv);
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toContain(`Överlämningsloggen har 1 betrodd tidsstämpel; den senaste gäller rad ${log.length}`);

    // Someone cuts the log's last line and writes its head file to match: the chain and the head agree, the stamp does not.
    const kept = log.slice(0, -1);
    unlock(path.join(archive, 'handover-log.jsonl'));
    writeFileSync(path.join(archive, 'handover-log.jsonl'), `${kept.join('\n')}\n`);
    writeFileSync(path.join(archive, 'handover-log.head.json'), JSON.stringify({ seq: kept.length, sha256: createHash('sha256').update(kept.at(-1)!).digest('hex') }));
    const cut = await runCli(['verify', '--archive', archive, '--tsa-ca', tsa.caFile, '--json']);
    expect(cut.code).toBe(2);
    expect(JSON.parse(cut.stdout).log).toContainEqual(expect.objectContaining({ kind: 'cut', detail: expect.stringContaining(`the log had entry ${log.length} then`) }));
    const refused = await runCli(['handover', '--archive', archive, '--to', 'folder', '--dest', dest], sv);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Överlämningsloggen är kortare än den ska vara");

    // A handover whose authority is down is done and logged all the same, and says so.
    const other = path.join(work, 'arkiv-logg-nere');
    await runCli(['capture', '--channels', channels(), '--archive', other, '--json']);
    tsa.state.down = true;
    const down = await runCli(['handover', '--archive', other, '--to', 'folder', '--dest', mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-down-')), '--tsa', tsa.url], sv);
    tsa.state.down = false;
    expect(down.code, down.stderr).toBe(0);
    expect(down.stderr).toContain(`Överlämningen är klar och loggad, men tidsstämpeltjänsten ${tsa.url} stämplade inte loggen`);
  });
});
