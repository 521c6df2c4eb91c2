import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { IPC_EVENTS } from '../shared/ipc';
import { createHandlers } from './api/handlers';
import { registerIpc } from './electron/ipc';
import { chooseFolderVia, openInBrowser, safeStorageCipher, saveFileVia } from './electron/services';
import { createElectronStorage } from './electron/store';
import { setApplicationMenu } from './electron/menu';
import { startReminders } from './electron/reminders';
import { registerSchemes, serveApp } from './electron/protocol';
import { openWebCopyWindow } from './electron/replay';
import { applySecurityRestrictions } from './electron/security';
import { createMainWindow, openPdfWindow } from './electron/windows';
import { APP_URL } from './app-url';
import { defaultProfilesRoot } from './paths';
import { SecretStore } from './secrets';

const here = path.dirname(fileURLToPath(import.meta.url));
// The app's own page: the dev server while developing, else the bundled renderer on app://.
const devUrl = process.env.ELECTRON_RENDERER_URL;
const appUrl = devUrl ?? APP_URL;
registerSchemes();
// Chromium draws date fields in its own locale, not the page's: sv-SE gives 2026-04-14 in every one.
app.commandLine.appendSwitch('lang', 'sv-SE');
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
    if (!devUrl) serveApp(path.join(here, '../renderer'));
    // Links open in the system browser only to the hosts of the registered channels.
    let linkHosts = async () => new Set<string>();
    applySecurityRestrictions(appUrl, () => linkHosts());
    setApplicationMenu(!app.isPackaged);
    // The handlers are registered in the same tick, before the page can send its first call.
    const window = createMainWindow(path.join(here, '../preload/index.cjs'), appUrl);
    const storage = createElectronStorage();
    const handlers = createHandlers({
      storage,
      defaultArchiveDir: path.join(app.getPath('documents'), 'Kanalarkiv'),
      profilesRoot: defaultProfilesRoot(),
      publishCapture: (state) => {
        if (!window.isDestroyed()) window.webContents.send(IPC_EVENTS.captureUpdate, state);
      },
      showPdf: async (file) => openPdfWindow(file, window),
      showWebCopy: async (copy) => openWebCopyWindow(copy, window),
      secrets: new SecretStore(storage, safeStorageCipher),
      openExternal: openInBrowser,
      saveFile: saveFileVia(window),
      chooseFolder: chooseFolderVia(window),
    });
    linkHosts = async () => new Set((await handlers.listChannels()).map((c) => new URL(c.url).hostname.toLowerCase()));
    registerIpc(handlers, appUrl);
    startReminders(handlers);
  });
  app.on('window-all-closed', () => app.quit());
}
