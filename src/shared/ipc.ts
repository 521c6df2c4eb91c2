/**
 * The one contract between the UI and the main process. The preload exposes exactly `KanalarkivApi`
 * on `window.kanalarkiv`; the main side validates every argument and checks every sender.
 */
export const IPC_CHANNELS = {
  getAppInfo: 'kanalarkiv:get-app-info',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

export interface AppInfo {
  version: string;
  captureProfile: {
    version: string;
    viewport: { width: number; height: number };
    locale: string;
    timezoneId: string;
    method: string;
  };
}

/** An error the UI can explain: a code to translate and a message for the log. */
export interface ApiError {
  code: string;
  message: string;
}

export interface KanalarkivApi {
  getAppInfo(): Promise<AppInfo>;
}
