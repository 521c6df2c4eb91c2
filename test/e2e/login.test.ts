import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserArgs, findBrowser } from '../../src/main/capture/browser';
import { runCapture } from '../../src/main/pipeline/run';
import { CONTEXT_OPTIONS, profileDir } from '../../src/main/capture/session';
import type { Channel } from '../../src/shared/channel';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { BIN } from '../helpers/cli';

let site: FixtureSite;
let work: string;
beforeAll(async () => {
  site = await startFixtureSite();
  work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-login-'));
});
afterAll(async () => {
  await site?.close();
});

const channel = (): Channel => ({ id: 'medlemmar', name: 'Medlemmar', platform: 'facebook', url: site.url('/members'), unit: 'U', owners: ['A', 'B'], pageOwner: '', notes: '', active: true });
const capture = (profilesRoot: string) =>
  runCapture({ channels: [channel()], archiveDir: path.join(work, 'arkiv'), reason: 'Test', organisation: '', timeoutMs: 60_000, concurrency: 1, profilesRoot });

describe('logged-in captures', () => {
  it('reports login_required without a session, and captures the channel with the platform profile a login left', async () => {
    const profiles = path.join(work, 'profiles');
    const [loggedOut] = await capture(profiles);
    expect(loggedOut!.error?.code).toBe('login_required');
    expect(loggedOut!.error?.message).toContain('kanalarkiv login facebook');

    // What the user does in the login window, done by a script: log in, close the window.
    const context = await chromium.launchPersistentContext(profileDir(profiles, 'facebook'), {
      ...CONTEXT_OPTIONS, headless: true, executablePath: findBrowser(undefined).executablePath, args: browserArgs(),
    });
    const page = await context.newPage();
    await page.goto(site.url('/login-form'));
    await page.click('#login');
    await page.waitForSelector('text=Inloggad');
    await context.close();

    const [loggedIn] = await capture(profiles);
    expect(loggedIn!.status, JSON.stringify(loggedIn!.error)).toBe('ok');
    expect(readFileSync(path.join(loggedIn!.bag!, 'data', 'page.txt'), 'utf8')).toContain('Medlemsinlägg: välkommen till höstens program.');
    // The record says a login profile was used (never whose), and claims no logged-out limit.
    const meta = JSON.parse(readFileSync(path.join(loggedIn!.bag!, 'data', 'metadata.json'), 'utf8'));
    expect(meta.capture.loggedIn).toBe(true);
    expect(loggedIn!.warnings.map((w) => w.code)).not.toContain('logged_out');
  });

  it("keeps a consent answer in the platform's profile: YouTube's consent page is answered once, not on every capture", async () => {
    const profiles = path.join(work, 'consent-profiles');
    mkdirSync(profileDir(profiles, 'youtube'), { recursive: true });
    const youtube: Channel = { ...channel(), id: 'umea-yt', platform: 'youtube', url: site.url('/visitor/youtube-consent') };
    const run = () => runCapture({ channels: [youtube], archiveDir: path.join(work, 'arkiv-yt'), reason: 'Test', organisation: '', timeoutMs: 60_000, concurrency: 1, profilesRoot: profiles });
    const consentOf = (bag: string) => JSON.parse(readFileSync(path.join(bag, 'data', 'metadata.json'), 'utf8')).capture.consent;
    const [first] = await run();
    expect(first!.status, JSON.stringify(first!.error)).toBe('ok');
    expect(consentOf(first!.bag!).cmp).toBe('google-consent-standalone');
    const [second] = await run();
    expect(second!.status, JSON.stringify(second!.error)).toBe('ok');
    expect(consentOf(second!.bag!).cmp).toBeNull();
    expect(site.hits.get('/m')).toBe(1);
  });

  it('a profile whose session has run out is not called logged in: the page showed its login dialog', async () => {
    const profiles = path.join(work, 'expired-profiles');
    mkdirSync(profileDir(profiles, 'facebook'), { recursive: true });
    const page: Channel = { ...channel(), id: 'kultur-dialog', url: site.url('/visitor/facebook-dialog') };
    const [result] = await runCapture({ channels: [page], archiveDir: path.join(work, 'arkiv-expired'), reason: 'Test', organisation: '', timeoutMs: 60_000, concurrency: 1, profilesRoot: profiles });
    expect(result!.status, JSON.stringify(result!.error)).toBe('ok');
    expect(result!.warnings.map((w) => w.code)).toEqual(['login_expired']);
    expect(result!.warnings[0]!.text).toContain('kanalarkiv login facebook');
    expect(JSON.parse(readFileSync(path.join(result!.bag!, 'data', 'metadata.json'), 'utf8')).capture.loggedIn).toBe(false);
  });

  const hasXvfb = (() => {
    try {
      execFileSync('which', ['xvfb-run']);
      return true;
    } catch {
      return false;
    }
  })();

  it.runIf(hasXvfb)('kanalarkiv login opens a visible browser with the platform profile and finishes when it is closed, saying so in Swedish', async () => {
    const profiles = path.join(work, 'login-profiles');
    const run = spawn('xvfb-run', ['-a', process.execPath, BIN, 'login', 'instagram', '--profiles', profiles], { env: { ...process.env, LC_ALL: '', LANG: 'sv_SE.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    run.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => run.on('close', resolve));
    const dir = profileDir(profiles, 'instagram');
    // Wait for the window's browser to run with the profile, then close it as the user would.
    for (let i = 0; i < 100 && !existsSync(path.join(dir, 'Default')); i++) await new Promise((r) => setTimeout(r, 200));
    expect(stderr).toContain('Logga in på Instagram där');
    await new Promise((r) => setTimeout(r, 1000));
    execFileSync('pkill', ['-f', `user-data-dir=${dir}`]);
    expect(await exited).toBe(0);
    expect(stderr).toContain(`Inloggningen på Instagram är sparad i ${dir}`);
  });
});
