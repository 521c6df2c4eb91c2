import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PreservationLog } from '../../../src/main/archive/preservation-log';
import { makeTestBag, unlock } from '../../helpers/bag';
import { runCli } from '../../helpers/cli';

describe("the archive's preservation events", () => {
  it('logs each check of the archive with every record\'s outcome, chained, and verify writes it', async () => {
    const archive = mkdtempSync(path.join(os.tmpdir(), 'events-'));
    const whole = await makeTestBag(archive, '0b8f2d1e-0000-4000-8000-000000000001', new Date('2026-04-14T08:30:00Z'), true);
    const damaged = await makeTestBag(archive, '0b8f2d1e-0000-4000-8000-000000000002', new Date('2026-09-14T08:30:00Z'), true);
    expect((await runCli(['verify', '--archive', archive])).code).toBe(0);
    unlock(path.join(damaged, 'data', 'record.pdf'));
    rmSync(path.join(damaged, 'data', 'record.pdf'));
    expect((await runCli(['verify', '--archive', archive])).code).toBe(2);

    const { entries, problems } = await new PreservationLog(archive).read();
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.type)).toEqual(['fixity check', 'fixity check']);
    const outcome = (n: number, bag: string) => entries[n]!.records.find((r) => r.ref === path.relative(archive, bag))?.outcome;
    expect([outcome(0, whole), outcome(0, damaged)]).toEqual(['success', 'success']);
    expect([outcome(1, whole), outcome(1, damaged)]).toEqual(['success', 'failure']);
    expect(entries[1]!.records.find((r) => r.outcome === 'failure')).toMatchObject({ snapshotId: '0b8f2d1e-0000-4000-8000-000000000002', detail: expect.stringContaining('data/record.pdf') });
    expect(entries[0]!.agent).toMatch(/^Kanalarkiv /);

    // A line removed is told, as in the handover log.
    const file = path.join(archive, 'preservation-events.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    writeFileSync(file, `${lines[1]}\n`);
    expect((await new PreservationLog(archive).read()).problems.length).toBeGreaterThan(0);
  });
});
