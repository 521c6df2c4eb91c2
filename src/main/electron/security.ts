import { app, session, shell, type WebContents } from 'electron';
import { externalLinkAllowed, frameNavigationAllowed, isAppUrl } from '../api/dispatch';

/**
 * Every guard carries its reason and the Electron security checklist item it implements
 * (https://www.electronjs.org/docs/latest/tutorial/security).
 */

export function applySecurityRestrictions(appUrl: string, linkHosts: () => Promise<ReadonlySet<string>>): void {
  app.on('web-contents-created', (_event, contents) => restrictContents(contents, appUrl, linkHosts));

  // Captured pages never run in the app's session, but nothing the UI shows needs a permission either.
  // #5 Handle session permission requests from remote content.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function restrictContents(contents: WebContents, appUrl: string, linkHosts: () => Promise<ReadonlySet<string>>): void {
  // The UI is a single page; any navigation is a bug or an attack.
  // #13 Disable or limit navigation.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  // will-navigate sees the main frame only: a subframe (an injected iframe) is held to the same rule.
  // #13 Disable or limit navigation.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !frameNavigationAllowed(event.url, appUrl)) event.preventDefault();
  });

  // No second window ever; an https link to a registered channel's host opens in the system browser.
  // #14 Disable or limit creation of new windows; #15 Do not use shell.openExternal with untrusted content.
  contents.setWindowOpenHandler(({ url }) => {
    // Electronegativity's openExternal finding is answered: externalLinkAllowed admits only https to a registered channel's host.
    void linkHosts().then((hosts) => (externalLinkAllowed(url, hosts) ? shell.openExternal(url) : undefined)); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });

  // The UI has no use for <webview>; refusing it closes a way around the other settings.
  // #12 Verify WebView options before creation.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
