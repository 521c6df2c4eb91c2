import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { readCatalogue } from '../../src/main/archive/catalogue';
import { runCapture } from '../../src/main/pipeline/run';
import { MemoryStorage } from '../../src/main/storage';
import type { CaptureJobState } from '../../src/shared/capture';
import type { Channel } from '../../src/shared/channel';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { runCli } from '../helpers/cli';
import { lastMonth, thisMonth } from '../helpers/rounds';
import { noShell } from '../helpers/shell';

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
    const meta = JSON.parse(readFileSync(path.join(archive, snapshots[0]!.ref, 'data', 'metadata.json'), 'utf8'));
    expect(meta.round).toBe(snapshots[0]!.round);
    const due = JSON.parse((await runCli(['due', '--channels', channels, '--archive', archive, '--rounds', rounds, '--json'])).stdout);
    expect(due.done).toEqual(['plain']);
  });

  it('the command line and the app give each snapshot the same round: an overdue channel\'s late capture completes the round', async () => {
    const rounds = lastMonth('forra');
    const round: string = JSON.parse((await runCli(['due', '--channels', channels, '--archive', work, '--rounds', rounds, '--json'])).stdout).round.name;
    const plain: Channel = { id: 'plain', name: 'plain', platform: 'web', url: site.url('/plain'), unit: 'U', owners: ['A', 'B'], pageOwner: '', notes: '', active: true };
    const start = async (name: string) => {
      const archive = path.join(work, name);
      await runCapture({ channels: [plain], archiveDir: archive, reason: 'Test', roundOf: () => round, organisation: '', timeoutMs: 60_000, concurrency: 1, profilesRoot: null });
      return archive;
    };
    const roundsOf = async (archive: string) => Object.fromEntries((await readCatalogue(archive)).snapshots.slice(0, 2).map((s) => [s.channelId, s.round]));

    const cliArchive = await start('arkiv-cli');
    const cli = await runCli(['capture', '--only', 'plain,seemore', '--channels', channels, '--archive', cliArchive, '--rounds', rounds, '--json'], env());
    expect(cli.code, cli.stderr).toBe(0);

    const appArchive = await start('arkiv-app');
    let finished!: (state: CaptureJobState) => void;
    const done = new Promise<CaptureJobState>((resolve) => (finished = resolve));
    const storage = new MemoryStorage();
    const api = createHandlers({ storage, defaultArchiveDir: appArchive, profilesRoot: path.join(work, 'profiles'), publishCapture: (s) => s.finishedAt && finished(s), showPdf: async () => undefined, ...noShell() });
    await api.saveSettings({ ...(await api.getSettings()), rounds });
    await api.importChannels(readFileSync(channels).toString('base64'), 'kanaler.json');
    await api.startCapture({ channelIds: ['plain', 'seemore'], reason: 'Test' });
    expect((await done).channels.map((c) => c.result?.status)).toEqual(['ok', 'ok']);

    expect(await roundsOf(cliArchive)).toEqual({ plain: null, seemore: round });
    expect(await roundsOf(appArchive)).toEqual(await roundsOf(cliArchive));
  });

  it('two capture --due at once take each due channel once; the second skips what the first is doing, saying so', async () => {
    const archive = path.join(work, 'arkiv-samtidigt');
    const rounds = thisMonth('samtidigt');
    const both = path.join(work, 'tva.json');
    writeFileSync(both, JSON.stringify(JSON.parse(readFileSync(channels, 'utf8')).slice(0, 2)));
    const run = () => runCli(['capture', '--due', '--channels', both, '--archive', archive, '--rounds', rounds, '--json'], env());
    const runs = await Promise.all([run(), run()]);
    const results = runs.flatMap((r) => JSON.parse(r.stdout).results as Array<{ channel: string; status: string; error: { code: string } | null }>);
    expect((await readCatalogue(archive)).snapshots.map((s) => s.channelId).sort()).toEqual(['plain', 'seemore']);
    for (const r of results.filter((x) => x.status !== 'ok')) expect(r.error?.code).toBe('in_progress');
    expect(results.filter((r) => r.status === 'ok').map((r) => r.channel).sort()).toEqual(['plain', 'seemore']);
  });

  it('explains a bad round definition', async () => {
    const run = await runCli(['due', '--channels', channels, '--archive', work, '--rounds', 'april']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/name:MM-DD..MM-DD/);
  });
});
