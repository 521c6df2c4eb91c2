import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, externalLinkAllowed, frameNavigationAllowed, isAppUrl, PDF_VIEWER_ORIGIN } from '../../../src/main/api/dispatch';
import { APP_URL, appFile } from '../../../src/main/app-url';
import { createHandlers } from '../../../src/main/api/handlers';
import { CAPTURE_PROFILE } from '../../../src/main/capture/profile';
import { MemoryStorage } from '../../../src/main/storage';
import { createBridge, type RendererIpc } from '../../../src/preload/bridge';
import type { SnapshotRef } from '../../../src/shared/archive';
import { ARGUMENTS } from '../../../src/shared/arguments';
import { IPC_CHANNELS, IPC_EVENTS } from '../../../src/shared/ipc';
import { ROOT } from '../../helpers/cli';
import { noShell } from '../../helpers/shell';

const handlers = (storage = new MemoryStorage()) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'api-'));
  return createHandlers({ storage, defaultArchiveDir: path.join(dir, 'arkiv'), profilesRoot: path.join(dir, 'profiles'), publishCapture: () => undefined, showPdf: async () => undefined, ...noShell() });
};
const APP = { url: 'file:///app/out/renderer/index.html', isMainFrame: true };

describe('the UI–main contract', () => {
  it('has a handler and an argument schema for every IPC channel', () => {
    const api = handlers();
    for (const name of Object.keys(IPC_CHANNELS)) {
      expect(typeof api[name as keyof typeof api]).toBe('function');
      expect(ARGUMENTS).toHaveProperty(name);
    }
  });

  it('the preload forwards every call to its channel with its arguments, and each answer or failure back', async () => {
    const sent: unknown[][] = [];
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const ipc: RendererIpc = {
      invoke: async (channel, ...args) => {
        sent.push([channel, ...args]);
        return channel === IPC_CHANNELS.verifyArchive ? { ok: false, error: { code: 'internal', message: 'disk' } } : { ok: true, value: channel };
      },
      on: (channel, listener) => listeners.set(channel, listener),
      off: (channel) => listeners.delete(channel),
    };
    const bridge = createBridge(ipc);
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(IPC_CHANNELS), 'onCaptureUpdate'].sort());
    const ref = 'kultur/2026-04-14T083000Z-5d7c1f8e' as SnapshotRef;
    expect(await bridge.getPageImage(ref, 2)).toBe(IPC_CHANNELS.getPageImage);
    expect(sent.at(-1)).toEqual([IPC_CHANNELS.getPageImage, ref, 2]);
    await expect(bridge.verifyArchive()).rejects.toEqual({ code: 'internal', message: 'disk' });

    const states: unknown[] = [];
    const stop = bridge.onCaptureUpdate((state) => states.push(state));
    listeners.get(IPC_EVENTS.captureUpdate)!({ sender: 'ipcRenderer' }, { jobId: 'j' });
    expect(states).toEqual([{ jobId: 'j' }]);
    stop();
    expect(listeners.has(IPC_EVENTS.captureUpdate)).toBe(false);
  });

  it('tells the UI the capture profile every record states', async () => {
    const reply = await dispatch(handlers(), 'getAppInfo', [], APP, APP.url);
    expect(reply).toMatchObject({ ok: true, value: { captureProfile: { version: CAPTURE_PROFILE.version, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' } } });
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/', isMainFrame: true }],
    ['an iframe of our page', { url: APP.url, isMainFrame: false }],
    ['a frame with no URL', { url: '', isMainFrame: true }],
    ['another local file, such as a record\'s PDF window', { url: 'file:///home/u/Kanalarkiv/kultur/2026-04-14T083000Z-5d7c1f8e/data/record.pdf', isMainFrame: true }],
  ])('refuses calls from %s', async (_, sender) => {
    expect(await dispatch(handlers(), 'listChannels', [], sender, APP.url)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('accepts the dev server only while developing', async () => {
    const dev = { url: 'http://localhost:5173/#arkiv', isMainFrame: true };
    expect(await dispatch(handlers(), 'listChannels', [], dev, 'http://localhost:5173/')).toEqual({ ok: true, value: [] });
    expect(await dispatch(handlers(), 'listChannels', [], dev, APP.url)).toMatchObject({ ok: false });
  });

  it('validates arguments before a handler sees them', async () => {
    const api = handlers();
    expect(await dispatch(api, 'searchArchive', [42], APP, APP.url)).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(await dispatch(api, 'saveChannel', [{ id: 'x' }], APP, APP.url)).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(await dispatch(api, 'saveSettings', [{ organisation: '', archiveDir: '', browserPath: '', language: 'fi' }], APP, APP.url)).toMatchObject({ ok: false });
  });

  it('answers a channel the register refuses with the problems per field, not an error', async () => {
    const reply = await dispatch(handlers(), 'saveChannel', [{ id: 'a', name: 'A', url: 'file:///etc/passwd', unit: 'U', owners: [] }], APP, APP.url);
    expect(reply).toEqual({ ok: true, value: { issues: [expect.objectContaining({ field: 'url' })] } });
  });

  it('turns a failing handler into {code, message}', async () => {
    const reply = await dispatch(handlers(), 'getThumbnail', ['kultur/2026-04-14T083000Z-5d7c1f8e'], APP, APP.url);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('metadata.json') } });
  });

  it('carries a failure\'s params, so that the UI can say exactly what is wrong (a bad round, here)', async () => {
    const reply = await dispatch(handlers(), 'saveSettings', [{ organisation: 'Umeå kommun', archiveDir: '/nonexistent/arkiv', browserPath: '', language: 'sv', rounds: 'april:04-01..04-31', autoCapture: false }], APP, APP.url);
    expect(reply).toEqual({ ok: false, error: { code: 'invalid_rounds', message: expect.stringContaining('has no date 04-31'), params: { what: 'date', part: 'april:04-01..04-31', date: '04-31' } } });
  });

  it('keeps the time-stamping authority in the archive\'s shared settings, and refuses an address that is none', async () => {
    const api = handlers();
    const settings = await api.getSettings();
    expect(settings.tsaUrl).toBe('');
    await api.saveSettings({ ...settings, tsaUrl: 'https://freetsa.org/tsr' });
    expect((await api.getSettings()).tsaUrl).toBe('https://freetsa.org/tsr');
    expect(JSON.parse(readFileSync(path.join(settings.archiveDir, 'gemensamma-installningar.json'), 'utf8')).tsaUrl).toBe('https://freetsa.org/tsr');
    const reply = await dispatch(api, 'saveSettings', [{ ...settings, tsaUrl: 'freetsa' }], APP, APP.url);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_arguments', params: { what: 'tsa_url' } } });
  });

  it.each([['../../etc'], ['kultur'], ['kultur/2026-04-14T083000Z-5d7c1f8e/../../..'], ['/etc/passwd']])('refuses %j as a snapshot before any file is read', async (ref) => {
    for (const call of ['getThumbnail', 'getSnapshot', 'openRecordPdf'] as const) {
      expect(await dispatch(handlers(), call, [ref], APP, APP.url)).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    }
  });
});

describe('errors the UI can explain', () => {
  it('a capture failure keeps its code on the way to the UI (a missing browser when opening a login window)', async () => {
    const storage = new MemoryStorage();
    const api = handlers(storage);
    await api.saveSettings({ ...(await api.getSettings()), browserPath: '/no/such/browser' });
    const reply = await dispatch(api, 'openLogin', ['facebook'], APP, APP.url);
    expect(reply).toMatchObject({ ok: false, error: { code: 'browser_missing', message: expect.stringContaining('/no/such/browser') } });
  });
});

describe('what the app itself is, and where its links go', () => {
  it('knows its own page on app:// (any page of the bundle) and on file:// (index.html on the same host only)', () => {
    expect(isAppUrl('app://kanalarkiv/index.html#arkiv', APP_URL)).toBe(true);
    expect(isAppUrl('app://annan/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('file://fileserver/app/out/renderer/index.html', 'file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html')).toBe(true);
  });

  it('lets a frame inside a window navigate only within the app, or to Chromium\'s PDF viewer in the record window', () => {
    expect(frameNavigationAllowed('app://kanalarkiv/index.html#kanaler', APP_URL)).toBe(true);
    expect(frameNavigationAllowed(`${PDF_VIEWER_ORIGIN}/index.html`, APP_URL)).toBe(true);
    expect(frameNavigationAllowed('https://www.facebook.com/umeakommun', APP_URL)).toBe(false);
    expect(frameNavigationAllowed('chrome-extension://annan/index.html', APP_URL)).toBe(false);
    expect(frameNavigationAllowed(`${PDF_VIEWER_ORIGIN}.evil.example/`, APP_URL)).toBe(false);
    expect(frameNavigationAllowed('javascript:alert(1)', APP_URL)).toBe(false);
    // The shell holds every frame but the main one to this rule (src/main/electron/security.ts).
    expect(readFileSync(path.join(ROOT, 'src/main/electron/security.ts'), 'utf8')).toMatch(/'will-frame-navigate'[\s\S]*frameNavigationAllowed\(event\.url, appUrl\)/);
  });

  it('serves only the renderer\'s own files on app://kanalarkiv/', () => {
    expect(appFile('/app/out/renderer', 'app://kanalarkiv/assets/index.js')).toBe(path.resolve('/app/out/renderer/assets/index.js'));
    expect(appFile('/app/out/renderer', 'app://kanalarkiv/../../../etc/passwd')).toBe(path.resolve('/app/out/renderer/etc/passwd'));
    expect(appFile('/app/out/renderer', 'app://kanalarkiv/%2e%2e/%2e%2e/secrets.json')).toBe(path.resolve('/app/out/renderer/secrets.json'));
    expect(appFile('/app/out/renderer', 'app://kanalarkiv/x%2f..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(appFile('/app/out/renderer', 'app://elsewhere/index.html')).toBeNull();
    expect(appFile('/app/out/renderer', 'file:///app/out/renderer/index.html')).toBeNull();
  });

  it('opens links in the system browser only over https and only to hosts of the register', () => {
    const hosts = new Set(['www.facebook.com', 'www.umea.se']);
    expect(externalLinkAllowed('https://www.facebook.com/umeakommun', hosts)).toBe(true);
    expect(externalLinkAllowed('http://www.facebook.com/umeakommun', hosts)).toBe(false);
    expect(externalLinkAllowed('https://evil.example/', hosts)).toBe(false);
    expect(externalLinkAllowed('https://user:pw@www.umea.se/', hosts)).toBe(false);
    expect(externalLinkAllowed('file:///etc/passwd', hosts)).toBe(false);
    expect(externalLinkAllowed('ms-settings:privacy', hosts)).toBe(false);
  });

  it('packages with the Electron fuses set as the security checklist asks (#19)', () => {
    const config = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    for (const fuse of ['runAsNode: false', 'enableCookieEncryption: true', 'enableNodeOptionsEnvironmentVariable: false', 'enableNodeCliInspectArguments: false', 'onlyLoadAppFromAsar: true', 'grantFileProtocolExtraPrivileges: false']) {
      expect(config).toMatch(new RegExp(`^\\s+${fuse}$`, 'm'));
    }
  });
});
