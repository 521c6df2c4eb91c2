import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_SCHEME, appFile } from '../app-url';

/** Must run before the app is ready: app:// is a standard, secure scheme, so the page gets an origin of its own. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
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
