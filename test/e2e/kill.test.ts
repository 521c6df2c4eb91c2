import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBags } from '../../src/main/archive/verify';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { runCli, startCli } from '../helpers/cli';

let site: FixtureSite;
let work: string;
let channelsFile: string;

beforeAll(async () => {
  site = await startFixtureSite();
  work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-kill-'));
  channelsFile = path.join(work, 'kanaler.json');
  const channel = (id: string, p: string) => ({ id, name: id, platform: 'web', url: site.url(p), unit: 'U', owners: ['A', 'B'] });
  writeFileSync(channelsFile, JSON.stringify([
    channel('plain', '/plain'),
    channel('tall', '/tall?h=30000'),
    channel('virtual', '/virtual'),
    channel('seemore', '/seemore'),
  ]));
});

afterAll(async () => {
  await site?.close();
});

/** Starts a capture and kills it (SIGKILL: no cleanup of any kind) when stderr first matches `moment`. */
async function killAt(archive: string, moment: RegExp): Promise<string> {
  const { child, done } = startCli(['capture', '--channels', channelsFile, '--archive', archive, '--concurrency', '2'], { KANALARKIV_HOME: path.join(work, 'home') });
  let seen = '';
  child.stderr!.on('data', (d) => {
    seen += d;
    if (moment.test(seen) && child.exitCode === null) child.kill('SIGKILL');
  });
  const run = await done;
  expect(run.signal).toBe('SIGKILL');
  return seen;
}

describe('killing the process mid-run', () => {
  it.each([
    ['while a bag is being written', /\] Archiving/],
    ['while pages are being scrolled', /\[tall\] Scrolling/],
  ])('%s leaves the archive consistent, and the next run completes it', async (_, moment) => {
    const archive = path.join(work, `arkiv-${moment.source.replace(/\W/g, '')}`);
    await killAt(archive, moment);

    // Whatever was archived is whole; what was not is only in .incomplete, invisible to verify.
    const verify = await runCli(['verify', '--archive', archive, '--json']);
    expect(verify.code, verify.stdout).toBe(0);
    const before = JSON.parse(verify.stdout).bags.map((b: { bag: string }) => b.bag);
    for (const bag of await findBags(archive)) {
      expect(existsSync(path.join(bag, 'tagmanifest-sha256.txt'))).toBe(true);
    }

    const rerun = await runCli(['capture', '--channels', channelsFile, '--archive', archive, '--json'], { KANALARKIV_HOME: path.join(work, 'home') });
    expect(rerun.code, rerun.stderr).toBe(0);
    const after = JSON.parse((await runCli(['verify', '--archive', archive, '--json'])).stdout);
    expect(after.bags.every((b: { ok: boolean }) => b.ok)).toBe(true);
    // The earlier snapshots are untouched and the rerun added one per channel.
    expect(after.bags.map((b: { bag: string }) => b.bag)).toEqual(expect.arrayContaining(before));
    expect(after.bags).toHaveLength(before.length + 4);
    // The killed run's drafts were abandoned and have been removed.
    expect(readdirSync(path.join(archive, '.incomplete'))).toEqual([]);
  });

  it('Ctrl-C (SIGINT) keeps finished snapshots, discards unfinished ones, reports the rest as cancelled and exits 130', async () => {
    const archive = path.join(work, 'arkiv-sigint');
    const { child, done } = startCli(['capture', '--channels', channelsFile, '--archive', archive, '--concurrency', '1', '--json'], { KANALARKIV_HOME: path.join(work, 'home') });
    let seen = '';
    child.stderr!.on('data', (d) => {
      seen += d;
      if (/\[tall\] Scrolling/.test(seen) && !child.killed) child.kill('SIGINT');
    });
    const run = await done;
    expect(run.code, run.stderr).toBe(130);
    const results = JSON.parse(run.stdout).results as Array<{ channel: string; status: string; error: { code: string } | null }>;
    expect(results.find((r) => r.channel === 'plain')!.status).toBe('ok');
    for (const id of ['tall', 'virtual', 'seemore']) expect(results.find((r) => r.channel === id)!.error!.code).toBe('cancelled');
    expect(readdirSync(path.join(archive, '.incomplete'))).toEqual([]);
    expect((await findBags(archive)).map((b) => path.relative(archive, b).split(path.sep)[0])).toEqual(['plain']);
  });
});
