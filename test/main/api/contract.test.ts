import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARGUMENTS, dispatch } from '../../../src/main/api/dispatch';
import { createHandlers } from '../../../src/main/api/handlers';
import { CAPTURE_PROFILE } from '../../../src/main/capture/profile';
import { MemoryStorage } from '../../../src/main/storage';
import { IPC_CHANNELS } from '../../../src/shared/ipc';
import { ROOT } from '../../helpers/cli';
import { noShell } from '../../helpers/shell';

const handlers = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'api-'));
  return createHandlers({ storage: new MemoryStorage(), defaultArchiveDir: path.join(dir, 'arkiv'), profilesRoot: path.join(dir, 'profiles'), publishCapture: () => undefined, showPdf: async () => undefined, ...noShell() });
};
const APP = { url: 'file:///app/out/renderer/index.html', isMainFrame: true };

describe('the UI–main contract', () => {
  it('has a handler, an argument schema and a preload forwarder for every IPC channel', () => {
    const api = handlers();
    const preload = readFileSync(path.join(ROOT, 'src', 'preload', 'index.ts'), 'utf8');
    expect(preload).toContain('IPC_EVENTS.captureUpdate');
    for (const name of Object.keys(IPC_CHANNELS)) {
      expect(typeof api[name as keyof typeof api]).toBe('function');
      expect(ARGUMENTS).toHaveProperty(name);
      expect(preload).toContain(`IPC_CHANNELS.${name}`);
    }
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
    const reply = await dispatch(handlers(), 'getThumbnail', ['../../etc'], APP, APP.url);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('not a snapshot') } });
  });
});
