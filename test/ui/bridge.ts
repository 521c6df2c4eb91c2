import { createReadStream, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dispatch } from '../../src/main/api/dispatch';
import { browserArgs, findBrowser } from '../../src/main/capture/browser';
import { WebCopyReplay, type WebCopy } from '../../src/main/replay/web-copy-replay';
import { IPC_CHANNELS, type KanalarkivApi } from '../../src/shared/ipc';
import { ROOT } from '../helpers/cli';
import type { CaptureJobState } from '../../src/shared/capture';

export const SHOTS = path.join(ROOT, 'test-results', 'ui');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export interface Bridge {
  url: string;
  /** Defines window.kanalarkiv in the page: exactly the preload's API, calls carried over HTTP to dispatch(), events over Server-Sent Events. */
  script: string;
  /** How many times the page made each call. */
  calls: Map<string, number>;
  /** The replay of web copies, served at /copy/ and /replay/ as the shell serves it on its own scheme; `add` gives a copy's address. */
  webCopies: { add(copy: WebCopy): string };
  close(): Promise<void>;
}

/**
 * Serves the built renderer (out/renderer) and answers its API calls with the real core, through the
 * same dispatch() the Electron shell uses, so the UI is tested in a real Chromium without Electron.
 */
export async function startBridge(makeApi: (publishCapture: (state: CaptureJobState) => void) => KanalarkivApi): Promise<Bridge> {
  const root = path.join(ROOT, 'out', 'renderer');
  let origin = '';
  const listeners = new Set<http.ServerResponse>();
  const calls = new Map<string, number>();
  const api = makeApi((state) => {
    for (const res of listeners) res.write(`data: ${JSON.stringify(state)}\n\n`);
  });
  const webCopies = new WebCopyReplay();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bridge');
    if (/^\/(copy|replay)\//.test(url.pathname)) {
      const answer = await webCopies.answer(url.pathname, req.headers.range);
      res.writeHead(answer.status, answer.headers);
      if (answer.body === null || req.method === 'HEAD') return res.end();
      if (Buffer.isBuffer(answer.body)) return res.end(answer.body);
      return createReadStream(answer.body.file, { start: answer.body.start, end: answer.body.end }).pipe(res);
    }
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      let body = '';
      for await (const chunk of req) body += chunk;
      const name = url.pathname.slice(5) as keyof KanalarkivApi;
      calls.set(name, (calls.get(name) ?? 0) + 1);
      const reply = name in IPC_CHANNELS
        ? await dispatch(api, name, JSON.parse(body) as unknown[], { url: (req.headers['x-frame-url'] as string | undefined) ?? '', isMainFrame: true }, `${origin}/`)
        : { ok: false, error: { code: 'unknown_call', message: name } };
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(reply));
    }
    const file = path.join(root, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      const content = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(content);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const names = JSON.stringify(Object.keys(IPC_CHANNELS));
  const script = `(() => {
    const api = {};
    for (const name of ${names}) {
      api[name] = async (...args) => {
        // Electron's IPC keeps a missing optional argument missing; JSON would turn it into null.
        while (args.length && args[args.length - 1] === undefined) args.pop();
        const response = await fetch('/api/' + name, { method: 'POST', headers: { 'x-frame-url': location.href }, body: JSON.stringify(args) });
        const reply = await response.json();
        if (!reply.ok) throw reply.error;
        return reply.value;
      };
    }
    const captureListeners = new Set();
    let events = null;
    api.onCaptureUpdate = (listener) => {
      events ??= new EventSource('/events');
      events.onmessage = (message) => { for (const l of captureListeners) l(JSON.parse(message.data)); };
      captureListeners.add(listener);
      return () => captureListeners.delete(listener);
    };
    window.kanalarkiv = Object.freeze(api);
  })();`;
  return {
    url: `${origin}/`,
    script,
    calls,
    webCopies: { add: (copy) => `${origin}${webCopies.add(copy)}` },
    close: () => {
      for (const res of listeners) res.end();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Chromium, in Swedish and Stockholm time, showing the app through the bridge; screenshots go to SHOTS. */
export async function openApp(bridge: Bridge): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: findBrowser(undefined).executablePath, args: browserArgs() });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  await context.addInitScript(bridge.script);
  const page = await context.newPage();
  await page.goto(bridge.url);
  mkdirSync(SHOTS, { recursive: true });
  return { browser, page };
}
