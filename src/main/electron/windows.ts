import path from 'node:path';
import { app, BrowserWindow } from 'electron';

export function createMainWindow(preloadPath: string, appUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kanalarkiv',
    webPreferences: {
      // Electronegativity's preload finding is answered: the preload exposes exactly the contract of src/shared/ipc.ts, and dispatch() checks every call.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      // #3 Enable context isolation; #4 Enable process sandboxing; #2 Do not enable Node.js integration.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // No developer tools in an installed app: they would give anyone at the desk the preload's API.
      devTools: !app.isPackaged,
      // A middle click on a link would open it in a new window; new windows are denied, and this stops the attempt too.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}

/**
 * A record's PDF in a window of its own, shown by Chromium's PDF viewer. It has no preload, so the
 * PDF can reach nothing of the app; its URL is not the app's, so dispatch() refuses it anyway.
 * `plugins: true` is there because Chromium's PDF viewer is a plugin: without it the window stays
 * blank (webPreferences.plugins, https://www.electronjs.org/docs/latest/api/structures/web-preferences).
 * It enables no other plugin (Electron ships none), the window is sandboxed, and only a record of the
 * archive is ever loaded in it; its viewer frame is the one subframe allowed to navigate (security.ts).
 */
export function openPdfWindow(file: string, parent: BrowserWindow | undefined): void {
  const window = new BrowserWindow({
    width: 1000,
    height: 900,
    parent,
    title: path.basename(path.dirname(path.dirname(file))),
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, plugins: true, disableBlinkFeatures: 'Auxclick' },
  });
  void window.loadFile(file);
}
