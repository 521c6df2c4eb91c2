import path from 'node:path';
import { BrowserWindow } from 'electron';

export function createMainWindow(preloadPath: string, appUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kanalarkiv',
    webPreferences: {
      preload: preloadPath,
      // #3 Enable context isolation; #4 Enable process sandboxing; #2 Do not enable Node.js integration.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}

/**
 * A record's PDF in a window of its own, shown by Chromium's PDF viewer. It has no preload, so the
 * PDF can reach nothing of the app; its URL is not the app's, so dispatch() refuses it anyway.
 */
export function openPdfWindow(file: string, parent: BrowserWindow | undefined): void {
  const window = new BrowserWindow({
    width: 1000,
    height: 900,
    parent,
    title: path.basename(path.dirname(path.dirname(file))),
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, plugins: true },
  });
  void window.loadFile(file);
}
