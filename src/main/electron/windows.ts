import path from 'node:path';
import { BrowserWindow } from 'electron';

export function createMainWindow(preloadPath: string, rendererDir: string, devServerUrl: string | undefined): BrowserWindow {
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
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(path.join(rendererDir, 'index.html'));
  return window;
}
