import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, IPC_EVENTS, type CaptureJobState, type KanalarkivBridge } from '../shared/ipc';

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** Calls the main side; a refusal or failure arrives as {code, message} and is thrown as that. */
async function call(channel: string, ...args: unknown[]): Promise<never> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as Reply;
  if (!reply.ok) throw reply.error;
  return reply.value as never;
}

// Exactly the API of src/shared/ipc.ts, nothing of ipcRenderer itself.
const api: KanalarkivBridge = {
  getAppInfo: () => call(IPC_CHANNELS.getAppInfo),
  getSettings: () => call(IPC_CHANNELS.getSettings),
  saveSettings: (settings) => call(IPC_CHANNELS.saveSettings, settings),
  listChannels: () => call(IPC_CHANNELS.listChannels),
  saveChannel: (input, replacing) => call(IPC_CHANNELS.saveChannel, input, replacing),
  previewImport: (content, fileName) => call(IPC_CHANNELS.previewImport, content, fileName),
  importChannels: (content, fileName) => call(IPC_CHANNELS.importChannels, content, fileName),
  listSnapshots: () => call(IPC_CHANNELS.listSnapshots),
  getThumbnail: (snapshotId) => call(IPC_CHANNELS.getThumbnail, snapshotId),
  searchArchive: (query) => call(IPC_CHANNELS.searchArchive, query),
  verifyArchive: () => call(IPC_CHANNELS.verifyArchive),
  startCapture: (request) => call(IPC_CHANNELS.startCapture, request),
  cancelCapture: (jobId) => call(IPC_CHANNELS.cancelCapture, jobId),
  getCaptureJob: (jobId) => call(IPC_CHANNELS.getCaptureJob, jobId),
  getLoginStatus: () => call(IPC_CHANNELS.getLoginStatus),
  openLogin: (platform) => call(IPC_CHANNELS.openLogin, platform),
  getSnapshot: (snapshotId) => call(IPC_CHANNELS.getSnapshot, snapshotId),
  getPageImage: (snapshotId, index) => call(IPC_CHANNELS.getPageImage, snapshotId, index),
  compareSnapshots: (a, b, index) => call(IPC_CHANNELS.compareSnapshots, a, b, index),
  openRecordPdf: (snapshotId) => call(IPC_CHANNELS.openRecordPdf, snapshotId),
  getRoundOverview: () => call(IPC_CHANNELS.getRoundOverview),
  getHandoverSettings: () => call(IPC_CHANNELS.getHandoverSettings),
  saveHandoverSettings: (settings) => call(IPC_CHANNELS.saveHandoverSettings, settings),
  getHandoverOverview: (target) => call(IPC_CHANNELS.getHandoverOverview, target),
  startHandover: (request) => call(IPC_CHANNELS.startHandover, request),
  signInPlatina: () => call(IPC_CHANNELS.signInPlatina),
  signOutPlatina: () => call(IPC_CHANNELS.signOutPlatina),
  setSmtpPassword: (password) => call(IPC_CHANNELS.setSmtpPassword, password),
  saveReceipt: (deliveryId) => call(IPC_CHANNELS.saveReceipt, deliveryId),
  onCaptureUpdate: (listener) => {
    // The listener gets the state only, never the IPC event (which would expose ipcRenderer).
    const forward = (_event: unknown, state: CaptureJobState) => listener(state);
    ipcRenderer.on(IPC_EVENTS.captureUpdate, forward);
    return () => void ipcRenderer.off(IPC_EVENTS.captureUpdate, forward);
  },
};

contextBridge.exposeInMainWorld('kanalarkiv', api);
