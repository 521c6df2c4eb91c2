import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

/**
 * What a new user does on a fresh clone — `npm install && npm start`, later `npm run dev` — against
 * a local Electron mirror. The mirror hands out a stand-in "electron" that only records how it was
 * started, so this checks the start chain (download, extract, build, launch), not Electron itself:
 * the real binary cannot be downloaded on the build machines.
 */
const ELECTRON_VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
const ZIP = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;

/** The stand-in: appends its working folder, its arguments and the dev server's address, then exits. */
const STAND_IN = `#!/bin/sh
printf '%s\\n' "{\\"cwd\\":\\"$PWD\\",\\"args\\":\\"$*\\",\\"renderer\\":\\"$ELECTRON_RENDERER_URL\\"}" >> "$KANALARKIV_STAND_IN_LOG"
`;

function standInZip(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(STAND_IN), 'electron', { mode: 0o100755 });
  zip.addBuffer(Buffer.from(`v${ELECTRON_VERSION}`), 'version');
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

/** A copy of the working tree as git sees it (tracked and new files, nothing ignored): a fresh clone of what is about to be committed. */
function freshCheckout(into: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(path.join(ROOT, file))) continue;
    mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    copyFileSync(path.join(ROOT, file), path.join(into, file));
  }
}

interface Run { code: number | null; output: string }
function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

let work: string;
let clone: string;
let mirror: http.Server;
let mirrorUrl: string;
const requests: string[] = [];
let env: NodeJS.ProcessEnv;
const launches = () => (existsSync(env.KANALARKIV_STAND_IN_LOG!) ? readFileSync(env.KANALARKIV_STAND_IN_LOG!, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : []);

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-start-'));
  clone = path.join(work, 'kanalarkiv');
  freshCheckout(clone);
  const zip = await standInZip();
  const sums = `${createHash('sha256').update(zip).digest('hex')} *${ZIP}\n`;
  mirror = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === `/v${ELECTRON_VERSION}/${ZIP}`) res.end(zip);
    else if (req.url === `/v${ELECTRON_VERSION}/SHASUMS256.txt`) res.end(sums);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
  env = {
    ELECTRON_MIRROR: mirrorUrl,
    electron_use_remote_checksums: '1',
    // Its own download cache, so that the stand-in never lands in the user's real Electron cache.
    electron_config_cache: path.join(work, 'electron-cache'),
    KANALARKIV_STAND_IN_LOG: path.join(work, 'launches.jsonl'),
    ELECTRON_SKIP_BINARY_DOWNLOAD: '',
  };
  const install = await npm(['install', '--prefer-offline', '--no-audit', '--no-fund'], clone, env);
  expect(install.code, install.output).toBe(0);
}, 600_000);

afterAll(async () => {
  await new Promise<void>((resolve) => mirror?.close(() => resolve()));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux')('start chain with a stand-in Electron from a local mirror (not Electron itself)', () => {
  it('npm start on a fresh clone fetches Electron from ELECTRON_MIRROR, builds the app and launches it', async () => {
    expect(existsSync(path.join(clone, 'node_modules/electron/path.txt'))).toBe(false);
    const start = await npm(['start'], clone, env);
    expect(start.code, start.output).toBe(0);
    expect(requests).toEqual([`/v${ELECTRON_VERSION}/${ZIP}`, `/v${ELECTRON_VERSION}/SHASUMS256.txt`]);
    expect(launches()).toEqual([{ cwd: clone, args: '.', renderer: '' }]);
    const main = JSON.parse(readFileSync(path.join(clone, 'package.json'), 'utf8')).main;
    expect(existsSync(path.join(clone, main))).toBe(true);
    expect(existsSync(path.join(clone, 'out/preload/index.cjs'))).toBe(true);
    expect(existsSync(path.join(clone, 'out/renderer/index.html'))).toBe(true);
  });

  it('npm start and npm run dev download nothing when Electron is there', async () => {
    const before = requests.length;
    const start = await npm(['start'], clone, env);
    expect(start.code, start.output).toBe(0);
    const dev = await npm(['run', 'dev'], clone, env);
    expect(dev.code, dev.output).toBe(0);
    expect(requests.length).toBe(before);
    const [, second, third] = launches();
    expect(second).toEqual({ cwd: clone, args: '.', renderer: '' });
    // In development the renderer comes from Vite's dev server.
    expect(third.cwd).toBe(clone);
    expect(third.renderer).toMatch(/^http:\/\/localhost:\d+/);
  });

  it('a failed download says what to do, in Swedish, without a stack trace', async () => {
    rmSync(path.join(clone, 'node_modules/electron/dist'), { recursive: true, force: true });
    rmSync(path.join(clone, 'node_modules/electron/path.txt'), { force: true });
    rmSync(env.electron_config_cache!, { recursive: true, force: true });
    const start = await npm(['start'], clone, { ...env, ELECTRON_MIRROR: `${mirrorUrl}saknas/` });
    expect(start.code).not.toBe(0);
    expect(start.output).toContain('Kanalarkiv kunde inte hämta Electron');
    expect(start.output).toContain('ELECTRON_MIRROR');
    expect(start.output).not.toMatch(/^\s+at /m);
    expect(launches()).toHaveLength(3);
  });
});
