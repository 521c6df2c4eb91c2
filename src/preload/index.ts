import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type KanalarkivApi } from '../shared/ipc';

// Exactly the API of src/shared/ipc.ts, nothing of ipcRenderer itself.
const api: KanalarkivApi = {
  getAppInfo: () => ipcRenderer.invoke(IPC_CHANNELS.getAppInfo),
};

contextBridge.exposeInMainWorld('kanalarkiv', api);
