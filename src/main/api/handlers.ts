import { mkdir } from 'node:fs/promises';
import type { AppInfo, KanalarkivApi, Settings } from '../../shared/ipc';
import { readCatalogue, searchArchive, thumbnail } from '../archive/catalogue';
import { verifyArchive } from '../archive/verify';
import { CAPTURE_PROFILE } from '../capture/profile';
import { ChannelRegister } from '../register/register';
import { tool } from '../resources';
import type { Storage } from '../storage';

export interface HandlerContext {
  storage: Storage;
  /** Where snapshots go until the user chooses another folder. */
  defaultArchiveDir: string;
}

/** What the main process answers to the UI; plain Node, so it is tested without Electron. */
export function createHandlers({ storage, defaultArchiveDir }: HandlerContext): KanalarkivApi {
  const register = new ChannelRegister(storage);
  const settings = (): Settings => ({ organisation: '', archiveDir: defaultArchiveDir, browserPath: '', language: 'sv', ...(storage.get('settings') as Partial<Settings> | undefined) });
  const archive = async () => {
    const dir = settings().archiveDir;
    await mkdir(dir, { recursive: true });
    return dir;
  };

  return {
    async getAppInfo(): Promise<AppInfo> {
      const { version, viewport, locale, timezoneId, method } = CAPTURE_PROFILE;
      return { version: tool().version, captureProfile: { version, viewport: { ...viewport }, locale, timezoneId, method } };
    },
    async getSettings() {
      return settings();
    },
    async saveSettings(next) {
      storage.set('settings', next);
      return settings();
    },
    async listChannels() {
      return register.list();
    },
    async saveChannel(input, replacing) {
      return register.save(input, replacing);
    },
    async previewImport(content, fileName) {
      return register.previewImport(content, fileName);
    },
    async importChannels(content, fileName) {
      return register.importRows(content, fileName);
    },
    async listSnapshots() {
      return readCatalogue(await archive());
    },
    async getThumbnail(snapshotId) {
      return thumbnail(await archive(), snapshotId);
    },
    async searchArchive(query) {
      return searchArchive(await archive(), query);
    },
    async verifyArchive() {
      return verifyArchive(await archive());
    },
  };
}
