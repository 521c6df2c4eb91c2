import type { AppInfo, KanalarkivApi } from '../../shared/ipc';
import { CAPTURE_PROFILE } from '../capture/profile';
import { tool } from '../resources';

/** What the main process answers to the UI; plain Node, so it is tested without Electron. */
export function createHandlers(): KanalarkivApi {
  return {
    async getAppInfo(): Promise<AppInfo> {
      const { version, viewport, locale, timezoneId, method } = CAPTURE_PROFILE;
      return { version: tool().version, captureProfile: { version, viewport: { ...viewport }, locale, timezoneId, method } };
    },
  };
}
