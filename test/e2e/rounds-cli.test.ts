import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/main/archive/catalogue';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { runCli } from '../helpers/cli';
import { thisMonth } from '../helpers/rounds';

let site: FixtureSite;
let work: string;
let channels: string;
const env = () => ({ KANALARKIV_HOME: path.join(work, 'home') });

beforeAll(async () => {
  site = await startFixtureSite();
  work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-rounds-'));
  channels = path.join(work, 'kanaler.json');
  const channel = (id: string, p: string, platform = 'web') => ({ id, name: id, platform, url: site.url(p), unit: 'U', owners: ['A', 'B'] });
  writeFileSync(channels, JSON.stringify([channel('plain', '/plain'), channel('seemore', '/seemore'), channel('logged-out', '/facebook/logged-out', 'facebook'), { ...channel('closed', '/blank'), active: false }]));
});
afterAll(() => site?.close());

describe('unattended rounds from the command line', () => {
  it('captures only what is due, keeps a failure due, and never duplicates on a re-run', async () => {
    const archive = path.join(work, 'arkiv');
    const rounds = thisMonth('test');
    const before = JSON.parse((await runCli(['due', '--channels', channels, '--archive', archive, '--rounds', rounds, '--json'])).stdout);
    expect(before.round.open).toBe(true);
    expect(before.due).toEqual(['plain', 'seemore', 'logged-out']);

    const first = await runCli(['capture', '--due', '--channels', channels, '--archive', archive, '--rounds', rounds, '--json'], env());
    expect(first.code).toBe(2);
    expect(JSON.parse(first.stdout).results.map((r: { channel: string; status: string }) => `${r.channel} ${r.status}`)).toEqual(['plain ok', 'seemore ok', 'logged-out failed']);
    const { snapshots } = await readCatalogue(archive);
    expect(snapshots.map((s) => s.round)).toEqual([before.round.name, before.round.name]);

    const after = JSON.parse((await runCli(['due', '--channels', channels, '--archive', archive, '--rounds', rounds, '--json'])).stdout);
    expect(after).toMatchObject({ due: ['logged-out'], done: ['plain', 'seemore'] });

    const rerun = await runCli(['capture', '--due', '--channels', channels, '--archive', archive, '--rounds', rounds, '--json'], env());
    expect(JSON.parse(rerun.stdout).results.map((r: { channel: string }) => r.channel)).toEqual(['logged-out']);
    expect((await readCatalogue(archive)).snapshots).toHaveLength(2);
  });

  it('reports an overdue round, and a late capture completes it', async () => {
    const archive = path.join(work, 'arkiv-sen');
    const rounds = 'gammal:01-01..01-01';
    const human = await runCli(['due', '--channels', channels, '--archive', archive, '--rounds', rounds, '--at', '2026-06-01T12:00:00+02:00']);
    expect(human.stdout).toMatch(/^Round 2026 gammal \(1 januari 2026 – 1 januari 2026\): closed, OVERDUE$/m);
    const late = await runCli(['capture', '--due', '--only', 'plain', '--channels', channels, '--archive', archive, '--rounds', rounds, '--json'], env());
    expect(late.code, late.stderr).toBe(0);
    const { snapshots } = await readCatalogue(archive);
    expect(snapshots[0]!.round).toMatch(/^\d{4} gammal$/);
    const meta = JSON.parse(readFileSync(path.join(archive, snapshots[0]!.id, 'data', 'metadata.json'), 'utf8'));
    expect(meta.round).toBe(snapshots[0]!.round);
    const due = JSON.parse((await runCli(['due', '--channels', channels, '--archive', archive, '--rounds', rounds, '--json'])).stdout);
    expect(due.done).toEqual(['plain']);
  });

  it('explains a bad round definition', async () => {
    const run = await runCli(['due', '--channels', channels, '--archive', work, '--rounds', 'april']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/name:MM-DD..MM-DD/);
  });
});
