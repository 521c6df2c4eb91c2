import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

/** `npm run fixture-site` as the README uses it: on a port of the user's choice, with a channel list for that port. */
function serve(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'test/fixtures/site/serve.ts', ...args], {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const ready = new Promise<void>((resolve) => child.stdout.on('data', () => out.includes('Try:') && resolve()));
  return { child, exited, ready, output: () => out };
}

function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  }));
}

describe('npm run fixture-site', () => {
  it('serves on the port given, writes the example channel list for it, and refuses a busy port with a message', async () => {
    const port = await freePort();
    const first = serve(['--port', String(port)]);
    await first.ready;
    expect(first.output()).toContain(`http://127.0.0.1:${port}`);
    const list = first.output().match(/Channel list for it: (\S+)/)![1]!;
    const channels = JSON.parse(readFileSync(list, 'utf8')) as { url: string }[];
    expect(channels.length).toBeGreaterThan(0);
    expect(channels.every((c) => c.url.startsWith(`http://127.0.0.1:${port}/`))).toBe(true);
    expect(await fetch(channels[0]!.url).then((r) => r.status)).toBe(200);

    const second = serve([], { PORT: String(port) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`port ${port} is already in use`);
    expect(second.output()).not.toMatch(/^\s+at /m);
    first.child.kill();
    await first.exited;
  });

  it('refuses a port that is not a number', async () => {
    const run = serve(['--port', '80x']);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('"80x" is not a port');
  });
});
