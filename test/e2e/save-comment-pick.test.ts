import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserArgs, findBrowser } from '../../src/main/capture/browser';
import { CONTEXT_OPTIONS } from '../../src/main/capture/session';
import { snapshotMetadataSchema } from '../../src/shared/snapshot';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { BIN, runCli } from '../helpers/cli';

const has = (tool: string) => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** The hint bar's colour (page/comment.ts pickTarget): where it starts on the screen is the page's top left corner. */
const HINT = [11, 61, 110];

/** Where the page's top left corner is on the X screen: the first pixel of the hint bar. */
async function pageOrigin(env: NodeJS.ProcessEnv): Promise<{ x: number; y: number } | null> {
  const png = execFileSync('import', ['-window', 'root', 'png:-'], { env, maxBuffer: 64 * 1024 * 1024 });
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (data[i] === HINT[0] && data[i + 1] === HINT[1] && data[i + 2] === HINT[2]) return { x, y };
    }
  }
  return null;
}

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site?.close());

describe('kanalarkiv save-comment --pick ("Välj på sidan")', () => {
  it.runIf(has('xvfb-run') && has('xdotool') && has('import'))('opens the page in a visible window; the comment clicked on is the one saved, with nothing of the picking in the pictures', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-pick-'));
    writeFileSync(path.join(work, 'kanaler.json'), JSON.stringify([{ id: 'kultur-fb', name: 'Kultur Umeå', platform: 'facebook', url: site.url('/comment/facebook/kulturumea'), unit: 'Kulturförvaltningen', owners: ['Anna Berg', 'Olof Lind'] }]));
    const page = site.url('/comment/facebook/kulturumea/posts/42');

    // Where the reply's text is on the page, seen by a headless browser with the same profile.
    const twin = await chromium.launch({ executablePath: findBrowser(undefined).executablePath, args: browserArgs() });
    const context = await twin.newContext(CONTEXT_OPTIONS);
    const view = await context.newPage();
    await view.goto(page);
    const box = (await view.getByText('Det där är inte okej, Anna.').boundingBox())!;
    await twin.close();

    const run = spawn('xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', 'sh', '-c', `echo "DISPLAY=$DISPLAY XAUTHORITY=$XAUTHORITY" >&2; exec "$0" "$@"`, process.execPath, BIN, 'save-comment', page, '--pick', '--archive', path.join(work, 'arkiv'), '--channels', path.join(work, 'kanaler.json'), '--channel', 'kultur-fb', '--reason', 'personangrepp', '--json'], { env: { ...process.env, KANALARKIV_HOME: path.join(work, 'home'), LC_ALL: '', LANG: 'sv_SE.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    run.stdout!.on('data', (d) => (stdout += d));
    run.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => run.on('close', resolve));

    // The X server xvfb-run started for the window, and its key.
    const xEnv = () => {
      const found = /DISPLAY=(:\d+) XAUTHORITY=(\S*)/.exec(stderr);
      return found ? { ...process.env, DISPLAY: found[1], XAUTHORITY: found[2] } : null;
    };
    let origin: { x: number; y: number } | null = null;
    for (let i = 0; i < 100 && !origin; i++) {
      await new Promise((r) => setTimeout(r, 300));
      const env = xEnv();
      if (env && stderr.includes('[kultur-fb] Rullar genom sidan')) origin = await pageOrigin(env).catch(() => null);
    }
    expect(origin, stderr).not.toBeNull();
    const x = Math.round(origin!.x + box.x + box.width / 2);
    const y = Math.round(origin!.y + box.y + box.height / 2);
    execFileSync('xdotool', ['mousemove', String(x), String(y)], { env: xEnv()! });
    await new Promise((r) => setTimeout(r, 300));
    execFileSync('xdotool', ['click', '1'], { env: xEnv()! });

    expect(await exited, stderr).toBe(0);
    const [result] = JSON.parse(stdout).results;
    const meta = snapshotMetadataSchema.parse(JSON.parse(readFileSync(path.join(result.record, 'data', 'metadata.json'), 'utf8')));
    // The reply under the pointer, not the comment around it.
    expect(meta.comment).toMatchObject({ foundBy: 'picked', author: { name: 'Olof Lind' }, text: expect.stringContaining('Det där är inte okej') });
    expect(meta.comment!.text).not.toContain('Jag vet var du bor');
    const text = readFileSync(path.join(result.record, 'data', 'page.txt'), 'utf8');
    expect(text).not.toContain('klicka på kommentaren');

    // A comment chosen by pointer has no link to find it by again: the removal check says a person must look, not "still shown".
    const check = await runCli(['check-removal', '--archive', path.join(work, 'arkiv'), '--json'], { KANALARKIV_HOME: path.join(work, 'home') });
    expect(JSON.parse(check.stdout).checks).toEqual([expect.objectContaining({ gone: null, error: expect.stringContaining('chosen on the page') })]);
  }, 120_000);
});
