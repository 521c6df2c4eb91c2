import path from 'node:path';

/**
 * The renderer is served from a protocol of the app's own, not from file://, so that the page has an
 * origin of its own and no other local file can pass for it.
 * https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kanalarkiv';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Records' web copies are replayed on a scheme of their own, in a window and session of their own
 * (electron/replay.ts), so that a replayed page shares no origin, storage or service worker with the app.
 */
export const REPLAY_SCHEME = 'kanalarkiv-replay';
export const REPLAY_ORIGIN = `${REPLAY_SCHEME}://copies`;

/**
 * Whether a replay window may load `url`: the replay itself, and what its pages make in the browser
 * (blob: and data: addresses). Anything else would be the live web, which a replay never reaches.
 */
export function replayRequestAllowed(url: string): boolean {
  if (/^(blob|data):/i.test(url)) return true;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${REPLAY_SCHEME}:` && parsed.host === 'copies';
  } catch {
    return false;
  }
}

/** The file of the bundled renderer that an app:// address names, or null for anything outside it or another host. */
export function appFile(rendererRoot: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, `.${decodeURIComponent(parsed.pathname)}`);
  return file.startsWith(`${root}${path.sep}`) ? file : null;
}
