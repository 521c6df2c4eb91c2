import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandoverLog } from '../../../src/main/handover/log';
import { ChannelRegister } from '../../../src/main/register/register';
import { ROOT } from '../../helpers/cli';

const WRITERS = 4;
const EDITS = 50;

/** Runs `body` in WRITERS processes at once (each gets its number as `writer`); resolves when all have exited, rejecting if one failed. */
async function inProcesses(dir: string, body: string): Promise<void> {
  const file = path.join(dir, 'writer.mts');
  writeFileSync(file, `const writer = Number(process.argv[2]);\nconst src = ${JSON.stringify(path.join(ROOT, 'src'))};\n${body}`);
  const runs = Array.from({ length: WRITERS }, (_, writer) => new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), file, String(writer)], { stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (d) => (errors += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited with ${code}: ${errors}`))));
  }));
  await Promise.all(runs);
}

describe('several processes writing to one archive at once', () => {
  it(`${WRITERS} × ${EDITS} register edits: every add kept, no change lost to another, the history complete and numbered once`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'register-writers-'));
    await new ChannelRegister(dir, () => 'setup').save({ id: 'common', name: 'Gemensam', url: 'https://www.facebook.com/gemensam', unit: 'Kommunikation', owners: ['A', 'B'], notes: '0' });
    // Half the edits add a channel of the writer's own; half count up the shared channel's notes,
    // each from the version it read, trying again when another writer changed it first.
    await inProcesses(dir, `
const { ChannelRegister } = await import(src + '/main/register/register.ts');
const register = new ChannelRegister(${JSON.stringify(dir)}, () => 'writer-' + writer);
for (let i = 0; i < ${EDITS / 2}; i++) {
  const added = await register.save({ id: 'w' + writer + '-' + i, name: 'Kanal ' + i, url: 'https://www.instagram.com/w' + writer + '_' + i, unit: 'Enhet ' + writer, owners: ['A', 'B'] });
  if (!('channel' in added)) throw new Error(JSON.stringify(added));
  for (;;) {
    const common = (await register.list()).find((c) => c.id === 'common');
    try {
      await register.save({ ...common, notes: String(Number(common.notes) + 1) }, { id: 'common', version: common.version });
      break;
    } catch (error) {
      if (error.code !== 'register_changed') throw error;
    }
  }
}`);
    const register = new ChannelRegister(dir, () => 'check');
    const channels = await register.list();
    expect(channels).toHaveLength(1 + (WRITERS * EDITS) / 2);
    const common = channels.find((c) => c.id === 'common')!;
    expect(common.notes).toBe(String((WRITERS * EDITS) / 2));
    expect(common.version).toBe(1 + (WRITERS * EDITS) / 2);
    const history = await register.history();
    expect(history).toHaveLength(1 + WRITERS * EDITS);
    expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
  }, 180_000);

  it(`${WRITERS} × ${EDITS} handover-log appends at once keep one unbroken chain`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'log-writers-'));
    await inProcesses(dir, `
const { HandoverLog } = await import(src + '/main/handover/log.ts');
const log = new HandoverLog(${JSON.stringify(dir)});
for (let i = 0; i < ${EDITS}; i++) {
  await log.append({ at: new Date().toISOString(), by: 'writer-' + writer, deliveryId: 'd' + writer, target: 'folder', destination: '/tmp/x', event: 'delivered', snapshotId: 's' + writer + '-' + i });
}`);
    const reading = await new HandoverLog(dir).read();
    expect(reading.problems).toEqual([]);
    expect(reading.entries).toHaveLength(WRITERS * EDITS);
    expect(reading.entries.map((e) => e.seq)).toEqual(reading.entries.map((_, i) => i + 1));
    expect(new Set(reading.entries.map((e) => e.snapshotId)).size).toBe(WRITERS * EDITS);
  }, 180_000);
});
