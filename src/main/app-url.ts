import path from 'node:path';

/**
 * The renderer is served from a protocol of the app's own, not from file://, so that the page has an
 * origin of its own and no other local file can pass for it.
 * https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kanalarkiv';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

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
