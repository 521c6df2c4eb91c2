import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../../src/main/capture/browser';
import { CaptureError } from '../../../src/main/capture/errors';

const only = (...files: string[]) => (file: string) => files.includes(file);

describe('findBrowser', () => {
  it('prefers Edge, then Chrome, then Chromium', () => {
    expect(findBrowser(undefined, 'linux', {}, only('/usr/bin/chromium', '/usr/bin/google-chrome')).kind).toBe('Google Chrome');
    expect(findBrowser(undefined, 'linux', {}, only('/usr/bin/chromium')).executablePath).toBe('/usr/bin/chromium');
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser(undefined, 'win32', env, only(edge, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'))).toEqual({ kind: 'Microsoft Edge', executablePath: edge });
  });

  it('uses a configured path (option, else KANALARKIV_BROWSER) before searching', () => {
    expect(findBrowser('/opt/edge/msedge', 'linux', {}, only('/opt/edge/msedge', '/usr/bin/chromium')).kind).toBe('Microsoft Edge');
    expect(findBrowser(undefined, 'linux', { KANALARKIV_BROWSER: '/x/chrome' }, only('/x/chrome')).kind).toBe('Google Chrome');
  });

  it('fails with browser_missing and says how to fix it', () => {
    const error = (() => {
      try {
        findBrowser(undefined, 'linux', {}, only());
      } catch (e) {
        return e as CaptureError;
      }
    })();
    expect(error).toBeInstanceOf(CaptureError);
    expect(error!.code).toBe('browser_missing');
    expect(error!.message).toMatch(/apt-get install chromium.*--browser/);
    expect(() => findBrowser('/nope', 'win32', {}, only())).toThrow(/does not exist/);
  });
});
