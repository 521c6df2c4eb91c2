import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUTURE_LOCK_TAKEOVER_MS, LOCKS_DIR, LockBusyError, withArchiveLock } from '../../../src/main/archive/lock';
import { ROOT, runCli } from '../../helpers/cli';

const archive = () => mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-lock-'));

/** Another process that takes the lock and holds it until it is killed; resolves once it holds it. */
function holder(dir: string, name: string) {
  const script = `import { withArchiveLock } from ${JSON.stringify(path.join(ROOT, 'src/main/archive/lock.ts'))};
setInterval(() => undefined, 1000);
await withArchiveLock(${JSON.stringify(dir)}, ${JSON.stringify(name)}, 0, async () => { console.log('held ' + process.pid); await new Promise(() => {}); });`;
  const file = path.join(dir, 'holder.mts');
  writeFileSync(file, script);
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  // tsx runs the script in a process of its own: that is the one holding the lock.
  const held = new Promise<number>((resolve) => child.stdout.on('data', (d) => {
    const pid = String(d).match(/held (\d+)/)?.[1];
    if (pid) resolve(Number(pid));
  }));
  return { child, held };
}

describe('archive locks', () => {
  it('holds several named locks at once and frees each when its work is done', async () => {
    const dir = archive();
    const order: string[] = [];
    await Promise.all(['capture-a', 'capture-b'].map((name) => withArchiveLock(dir, name, 0, async () => {
      order.push(name);
      await new Promise((r) => setTimeout(r, 50));
    })));
    expect(order.sort()).toEqual(['capture-a', 'capture-b']);
    for (const name of ['capture-a', 'capture-b']) await expect(withArchiveLock(dir, name, 0, async () => 'again')).resolves.toBe('again');
  });

  it('refuses a lock another running process holds, and takes it over at once when that process was killed', async () => {
    const dir = archive();
    const { child, held } = holder(dir, 'handover');
    const pid = await held;
    await expect(withArchiveLock(dir, 'handover', 0, async () => 'mine')).rejects.toBeInstanceOf(LockBusyError);
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => child.on('exit', r));
    await expect(withArchiveLock(dir, 'handover', 0, async () => 'mine')).resolves.toBe('mine');
  });

  it('waits for a holder that finishes', async () => {
    const dir = archive();
    let release!: () => void;
    const first = withArchiveLock(dir, 'handover', 0, () => new Promise<string>((r) => (release = () => r('first'))));
    await new Promise((r) => setTimeout(r, 100));
    const second = withArchiveLock(dir, 'handover', 10_000, async () => 'second');
    setTimeout(() => release(), 300);
    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
  });
});

describe('locks left behind', () => {
  it('takes a lock over from a killed holder on this computer at once, however long the caller would wait', async () => {
    const dir = archive();
    const { child, held } = holder(dir, 'register');
    process.kill(await held, 'SIGKILL');
    await new Promise((r) => child.on('exit', r));
    // The register waits up to 15 s and the handover log 60 s for a live holder: a dead one costs neither.
    await expect(withArchiveLock(dir, 'register', 60_000, async () => 'mine')).resolves.toBe('mine');
  }, 10_000);

  it('names a file standing where the lock folder should be, at once and in Swedish, instead of waiting for ever', async () => {
    const dir = archive();
    mkdirSync(path.join(dir, LOCKS_DIR));
    writeFileSync(path.join(dir, LOCKS_DIR, 'register.lock'), 'inte ett lås');
    await expect(withArchiveLock(dir, 'register', 60_000, async () => 'mine')).rejects.toMatchObject({ reason: 'not_a_lock' });
    const run = await runCli(['channels', 'add', '--archive', dir, '--id', 'kultur', '--name', 'Kultur', '--url', 'https://www.facebook.com/kultur', '--unit', 'Kultur', '--owners', 'Anna,Olof'], { LANG: 'sv_SE.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('register.lock” är en fil, inte en låsmapp från Kanalarkiv');
  }, 10_000);

  it('takes over a lock dated in the future (a computer whose clock is ahead) once it has not changed for 30 s', async () => {
    const dir = archive();
    const lock = path.join(dir, LOCKS_DIR, 'register.lock');
    mkdirSync(lock, { recursive: true });
    const ahead = new Date(Date.now() + 60 * 60_000);
    utimesSync(lock, ahead, ahead);
    await expect(withArchiveLock(dir, 'register', 0, async () => 'mine')).rejects.toMatchObject({ reason: 'future' });
    // A caller that does not wait (a capture) sees the time run as well: when it was first seen is kept beside the lock.
    await new Promise((r) => setTimeout(r, FUTURE_LOCK_TAKEOVER_MS + 1_000));
    await expect(withArchiveLock(dir, 'register', 0, async () => 'mine')).resolves.toBe('mine');
  }, 60_000);
});
