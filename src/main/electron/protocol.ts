import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_SCHEME, REPLAY_SCHEME, appFile } from '../app-url';

/**
 * Must run before the app is ready, once for every scheme: app:// is a standard, secure scheme, so
 * the page gets an origin of its own; the replay's scheme also allows service workers, which is how
 * ReplayWeb.page serves a web copy's responses (as ArchiveWeb.page's Electron app does), and streams
 * the WACZ's ranges.
 */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: REPLAY_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: true, stream: true, corsEnabled: true } },
  ]);
}

/**
 * Serves the bundled renderer on app://kanalarkiv/, and nothing else: another host or a path
 * outside the renderer's folder is not found.
 * #18 Avoid usage of the file:// protocol and prefer usage of custom protocols.
 */
export function serveApp(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = appFile(rendererRoot, request.url);
    return file ? net.fetch(pathToFileURL(file).href) : new Response('Not found', { status: 404 });
  });
}
