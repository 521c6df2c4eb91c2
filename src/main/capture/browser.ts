import { existsSync } from 'node:fs';
import path from 'node:path';
import { CaptureError } from './errors';

export interface BrowserChoice {
  executablePath: string;
  /** What kind of browser it is, for the record: "Microsoft Edge", "Google Chrome" or "Chromium". */
  kind: string;
}

type Candidate = [kind: string, file: string];

/** Where Edge, Chrome and Chromium install themselves, in order of preference. */
function candidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Candidate[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES(X86)'], env.PROGRAMFILES, env.LOCALAPPDATA].filter((r): r is string => !!r);
    return [
      ...roots.map((r): Candidate => ['Microsoft Edge', path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]),
      ...roots.map((r): Candidate => ['Google Chrome', path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')]),
      ...roots.map((r): Candidate => ['Chromium', path.win32.join(r, 'Chromium', 'Application', 'chrome.exe')]),
    ];
  }
  if (platform === 'darwin') {
    return [
      ['Microsoft Edge', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
      ['Google Chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
      ['Chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ];
  }
  return [
    ['Microsoft Edge', '/usr/bin/microsoft-edge'],
    ['Microsoft Edge', '/opt/microsoft/msedge/msedge'],
    ['Google Chrome', '/usr/bin/google-chrome'],
    ['Google Chrome', '/opt/google/chrome/chrome'],
    ['Chromium', '/usr/bin/chromium'],
    ['Chromium', '/usr/bin/chromium-browser'],
    ['Chromium', '/snap/bin/chromium'],
  ];
}

/**
 * The browser to capture with: the configured path, else Edge or Chrome, else Chromium.
 * playwright-core downloads no browser of its own, so one installed on the machine is used.
 */
export function findBrowser(
  configured: string | undefined,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
): BrowserChoice {
  const wanted = configured ?? env.KANALARKIV_BROWSER;
  if (wanted) {
    if (!exists(wanted)) {
      throw new CaptureError('browser_missing', `The browser "${wanted}" does not exist. Give the full path to msedge, chrome or chromium, or leave the setting empty to search for one.`);
    }
    return { executablePath: wanted, kind: kindOf(wanted) };
  }
  const found = candidates(platform, env).find(([, file]) => exists(file));
  if (!found) {
    throw new CaptureError('browser_missing', platform === 'linux'
      ? 'No Edge, Chrome or Chromium was found. Install one (Debian/Ubuntu: "sudo apt-get install chromium") or give its path with --browser.'
      : 'No Edge, Chrome or Chromium was found. Install Microsoft Edge or Google Chrome, or give the browser\'s path with --browser.');
  }
  return { kind: found[0], executablePath: found[1] };
}

function kindOf(file: string): string {
  const name = file.toLowerCase();
  if (name.includes('edge')) return 'Microsoft Edge';
  if (name.includes('chrome') && !name.includes('chromium')) return 'Google Chrome';
  return 'Chromium';
}

/**
 * Switches for the capture browser. The network outside the captured page is none of our business:
 * background services are off so that nothing but the channel is fetched.
 */
export function browserArgs(): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-gpu',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    // navigator.webdriver stays false, as in a browser a person uses; sites turn automated visitors away.
    '--disable-blink-features=AutomationControlled',
  ];
  // Chromium refuses its sandbox as root (CI, containers); the captured pages are still isolated
  // from the archive because Kanalarkiv never gives them file access.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}
