import { ARGUMENTS } from '../../shared/arguments';
import { KanalarkivError, type ApiError } from '../../shared/errors';
import type { KanalarkivApi } from '../../shared/ipc';
import { REPLAY_ORIGIN } from '../app-url';

export type Reply = { ok: true; value: unknown } | { ok: false; error: ApiError };

export interface Sender {
  /** URL of the frame that sent the message. */
  url: string;
  /** Whether it is the window's top frame (not an iframe). */
  isMainFrame: boolean;
}

/** Chromium's PDF viewer: the frame it opens inside the record window is this extension's page. */
export const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';

/**
 * Whether a frame inside a window (not its main frame: will-navigate guards that) may navigate to
 * `url`: only within the app, Chromium's PDF viewer opening in the record window, or the replay's
 * frames inside a web copy's window (electron/replay.ts). An iframe put
 * in by a bug or an attack may go nowhere else.
 */
export function frameNavigationAllowed(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl) || url === PDF_VIEWER_ORIGIN || url.startsWith(`${PDF_VIEWER_ORIGIN}/`) || url.startsWith(`${REPLAY_ORIGIN}/`);
}

/**
 * Whether `url` is the app's own page: the bundled renderer on its app:// host (any of its pages),
 * the renderer's index.html exactly when it is loaded from a file (no other local file, such as a
 * record's PDF), or any page of the dev server while developing.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const page = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return page.protocol === 'file:' && page.host === app.host && page.pathname === app.pathname;
    if (app.protocol === 'http:' || app.protocol === 'https:') return page.origin === app.origin;
    return page.protocol === app.protocol && page.host === app.host;
  } catch {
    return false;
  }
}

/**
 * Whether a link the UI opens may go to the system browser: only https, and only to a host the
 * municipality chose (a channel's address in the register).
 * https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 */
export function externalLinkAllowed(url: string, hosts: ReadonlySet<string>): boolean {
  try {
    const link = new URL(url);
    return link.protocol === 'https:' && !link.username && !link.password && hosts.has(link.hostname.toLowerCase());
  } catch {
    return false;
  }
}

/**
 * Answers one call from the UI: checks the sender, validates the arguments, runs the handler, and
 * turns any failure into {code, message, params}. The Electron shell only carries messages to and from here.
 */
export async function dispatch(api: KanalarkivApi, name: keyof KanalarkivApi, args: unknown[], sender: Sender, appUrl: string): Promise<Reply> {
  if (!sender.isMainFrame || !isAppUrl(sender.url, appUrl)) {
    return { ok: false, error: { code: 'forbidden', message: `${name} refused from ${sender.url || 'an unknown frame'}` } };
  }
  const parsed = ARGUMENTS[name].safeParse(args);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_arguments', message: parsed.error.message } };
  try {
    const value = await (api[name] as (...a: unknown[]) => Promise<unknown>)(...(parsed.data as unknown[]));
    return { ok: true, value };
  } catch (error) {
    // Capture and handover failures carry a code the UI explains; anything else is internal.
    if (error instanceof KanalarkivError) return { ok: false, error: { code: error.code, message: error.message, params: error.params } };
    return { ok: false, error: { code: 'internal', message: (error as Error).message } };
  }
}
