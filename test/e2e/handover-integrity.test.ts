import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HANDOVER_HEAD_FILE, HANDOVER_LOG } from '../../src/main/archive/layout';
import { HandoverLog } from '../../src/main/handover/log';
import { makeArchive, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';

/** The handover log under attack and under load, through the command line as scripts run it. */
let template: TestArchive;
beforeAll(async () => {
  template = await makeArchive('handover-integrity');
}, 180_000);

const temp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `${name}-`));
const copyOf = () => {
  const dir = temp('archive');
  cpSync(template.dir, dir, { recursive: true });
  return dir;
};

/** A copy of the archive whose records were all handed over to an upload folder once. */
async function deliveredArchive() {
  const archive = copyOf();
  const run = await runCli(['handover', '--archive', archive, '--to', 'folder', '--dest', temp('folder'), '--by', 'Rut']);
  expect(run.code, run.stderr).toBe(0);
  return archive;
}

describe('two handovers at once', () => {
  it.each([
    ['eark', 'eark'],
    ['eark', 'folder'],
  ])('%s and %s from the same archive: every record delivered once per place, and the log chain stays whole', async (first, second) => {
    const archive = copyOf();
    const dest = { eark: temp('eark'), folder: temp('folder') } as Record<string, string>;
    const run = (target: string) => runCli(['handover', '--archive', archive, '--to', target, '--dest', dest[target]!, '--by', 'Rut', '--organisation', 'Umeå kommun', '--org-id', '212000-2726', '--json']);
    const [a, b] = await Promise.all([run(first), run(second)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const reading = await new HandoverLog(archive).read();
    expect(reading.problems).toEqual([]);
    for (const target of new Set([first, second])) {
      const delivered = reading.entries.filter((e) => e.event === 'delivered' && e.target === target);
      expect(delivered.map((e) => e.snapshotId).sort()).toEqual([...template.snapshotIds].sort());
    }
    if (first === second) expect(readdirSync(dest.eark!).filter((f) => f.endsWith('.zip'))).toHaveLength(1);
    const verify = await runCli(['verify', '--archive', archive]);
    expect(verify.code, verify.stdout).toBe(0);
  });
});

describe('a folder name no record may have', () => {
  it('a bag under a channel folder with a backslash fails alone; the others are packed for the e-archive', async () => {
    const archive = copyOf();
    const [first] = template.refs;
    const channel = first!.split('/')[0]!;
    const { chmodSync, renameSync } = await import('node:fs');
    chmodSync(path.join(archive, channel), 0o755);
    renameSync(path.join(archive, channel), path.join(archive, `${channel}\\x`));
    const dest = temp('eark');
    const run = await runCli(['handover', '--archive', archive, '--to', 'eark', '--dest', dest, '--org-id', '212000-2726', '--json']);
    expect(run.code).toBe(2);
    const items = JSON.parse(run.stdout).items as Array<{ ref: string; status: string; error: string | null }>;
    expect(items.filter((i) => i.status === 'delivered')).toHaveLength(2);
    expect(items.find((i) => i.status === 'failed')).toMatchObject({ ref: expect.stringContaining('\\'), error: expect.stringContaining('is not a snapshot in the archive') });
    expect(readdirSync(dest).filter((f) => f.endsWith('.zip'))).toHaveLength(1);
  });
});

describe('a damaged handover log', () => {
  it('an edited line is named by verify, and neither a handover nor a receipt is made from the log', async () => {
    const archive = await deliveredArchive();
    const file = path.join(archive, HANDOVER_LOG);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    lines[1] = lines[1]!.replace('"by":"Rut"', '"by":"Någon annan"');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const verify = await runCli(['verify', '--archive', archive]);
    expect(verify.code).toBe(2);
    expect(verify.stdout).toMatch(/DAMAGED handover-log\.jsonl[\s\S]*line 3: does not follow the line before it/);

    const handover = await runCli(['handover', '--archive', archive, '--to', 'eark', '--dest', temp('eark'), '--org-id', '1', '--json']);
    expect(handover.code).toBe(2);
    expect(JSON.parse(handover.stdout)).toMatchObject({ items: [], error: { code: 'log_broken' } });
    expect(handover.stderr).toMatch(/handover log .* is damaged: line 3/);
    expect(handover.stderr).not.toMatch(/^\s+at /m);

    const receipt = await runCli(['receipt', '--archive', archive, '--out', path.join(temp('receipt'), 'kvitto.pdf')]);
    expect(receipt.code).toBe(2);
    expect(receipt.stderr).toMatch(/is damaged/);
  });

  it('a forged checksum on the last line, which no chain can show, is found against the bag', async () => {
    const archive = await deliveredArchive();
    const file = path.join(archive, HANDOVER_LOG);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const last = JSON.parse(lines.at(-1)!);
    expect(last.event).toBe('delivered');
    lines[lines.length - 1] = JSON.stringify({ ...last, sha256: 'f'.repeat(64) });
    writeFileSync(file, `${lines.join('\n')}\n`);
    const verify = await runCli(['verify', '--archive', archive, '--json']);
    expect(verify.code).toBe(2);
    expect(JSON.parse(verify.stdout).log).toEqual([
      { line: lines.length, kind: 'out_of_chain', detail: expect.stringContaining('is not the one written last') },
      { line: lines.length, kind: 'checksum', detail: expect.stringContaining(`has SHA-256 ${'f'.repeat(64)}, but its bag says`) },
    ]);
    const receipt = await runCli(['receipt', '--archive', archive, '--out', path.join(temp('receipt'), 'kvitto.pdf')]);
    expect(receipt.code).toBe(2);
  });
});

describe('a handover log a crash or a cut left short', () => {
  it('a last line half written by a crash is set aside in a file of its own, and handovers and receipts go on', async () => {
    const archive = await deliveredArchive();
    const file = path.join(archive, HANDOVER_LOG);
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, `${whole}{"seq":9,"prev":"ab`);

    const verify = await runCli(['verify', '--archive', archive], { LANG: 'sv_SE.UTF-8' });
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/sista rad avbröts mitt i skrivningen/);

    const handover = await runCli(['handover', '--archive', archive, '--to', 'eark', '--dest', temp('eark'), '--org-id', '1', '--by', 'Rut']);
    expect(handover.code, handover.stderr).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(whole)).toBe(true);
    expect(after).not.toContain('"prev":"ab\n');
    const aside = readdirSync(archive).filter((f) => f.startsWith(`${HANDOVER_LOG}.cut-off-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(archive, aside[0]!), 'utf8')).toBe('{"seq":9,"prev":"ab');
    const reading = await new HandoverLog(archive).read();
    expect(reading.problems).toEqual([]);
    expect(reading.remnant).toBeNull();
    const receipt = await runCli(['receipt', '--archive', archive, '--out', path.join(temp('receipt'), 'kvitto.pdf')]);
    expect(receipt.code, receipt.stderr).toBe(0);
  });

  it.each([
    ['cut at its end', (file: string) => writeFileSync(file, `${readFileSync(file, 'utf8').trim().split('\n').slice(0, -2).join('\n')}\n`)],
    ['emptied', (file: string) => writeFileSync(file, '')],
    ['deleted', (file: string) => rmSync(file)],
  ])('a log %s is told by its head, and nothing is delivered again from it', async (_, cut) => {
    const archive = await deliveredArchive();
    expect(existsSync(path.join(archive, HANDOVER_HEAD_FILE))).toBe(true);
    cut(path.join(archive, HANDOVER_LOG));

    const verify = await runCli(['verify', '--archive', archive, '--json']);
    expect(verify.code).toBe(2);
    expect(JSON.parse(verify.stdout).log).toContainEqual(expect.objectContaining({ kind: 'cut' }));

    const dest = temp('folder-again');
    const handover = await runCli(['handover', '--archive', archive, '--to', 'folder', '--dest', dest, '--by', 'Rut'], { LANG: 'sv_SE.UTF-8' });
    expect(handover.code).toBe(2);
    expect(handover.stderr).toMatch(/Överlämningsloggen är kortare än den ska vara/);
    expect(handover.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dest)).toEqual([]);
  });
});
