import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { createHandlers } from './api/handlers';
import { registerIpc } from './electron/ipc';
import { createElectronStorage } from './electron/store';
import { setApplicationMenu } from './electron/menu';
import { applySecurityRestrictions } from './electron/security';
import { createMainWindow } from './electron/windows';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
if (app.isPackaged) process.env.KANALARKIV_RESOURCES ??= path.join(process.resourcesPath, 'resources');

// One Kanalarkiv at a time: two would capture into the same archive at once.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  void app.whenReady().then(() => {
    applySecurityRestrictions(devServerUrl);
    const defaultArchiveDir = path.join(app.getPath('documents'), 'Kanalarkiv');
    registerIpc(createHandlers({ storage: createElectronStorage(), defaultArchiveDir }), devServerUrl);
    setApplicationMenu();
    createMainWindow(path.join(here, '../preload/index.cjs'), path.join(here, '../renderer'), devServerUrl);
  });
  app.on('window-all-closed', () => app.quit());
}
