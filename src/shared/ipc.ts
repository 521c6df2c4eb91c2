import type { ArchiveReport } from '../main/archive/verify';
import type { Catalogue, SearchHit } from '../main/archive/catalogue';
import type { RegisterIssue } from '../main/register/channels';
import type { ImportPreview } from '../main/register/register';
import type { Channel } from './channel';

/**
 * The one contract between the UI and the main process. The preload exposes exactly `KanalarkivApi`
 * on `window.kanalarkiv`; the main side validates every argument and checks every sender.
 */
export const IPC_CHANNELS = {
  getAppInfo: 'kanalarkiv:get-app-info',
  getSettings: 'kanalarkiv:get-settings',
  saveSettings: 'kanalarkiv:save-settings',
  listChannels: 'kanalarkiv:list-channels',
  saveChannel: 'kanalarkiv:save-channel',
  previewImport: 'kanalarkiv:preview-import',
  importChannels: 'kanalarkiv:import-channels',
  listSnapshots: 'kanalarkiv:list-snapshots',
  getThumbnail: 'kanalarkiv:get-thumbnail',
  searchArchive: 'kanalarkiv:search-archive',
  verifyArchive: 'kanalarkiv:verify-archive',
} as const satisfies Record<keyof KanalarkivApi, string>;

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

export interface Settings {
  organisation: string;
  archiveDir: string;
  /** Empty: search for Edge, Chrome or Chromium. */
  browserPath: string;
  language: 'sv' | 'en';
}

/** A channel as the register form sends it; validated on the main side. */
export interface ChannelInput {
  id: string;
  name: string;
  platform?: string;
  url: string;
  unit: string;
  owners: string[];
  pageOwner?: string;
  notes?: string;
  active?: boolean;
}

export type SaveChannelResult = { channel: Channel; warnings: RegisterIssue[] } | { issues: RegisterIssue[] };

/** An error the UI can explain: a code to translate and a message for the log. */
export interface ApiError {
  code: string;
  message: string;
}

export interface KanalarkivApi {
  getAppInfo(): Promise<AppInfo>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  listChannels(): Promise<Channel[]>;
  saveChannel(input: ChannelInput, replacing?: string): Promise<SaveChannelResult>;
  previewImport(content: string, fileName: string): Promise<ImportPreview>;
  importChannels(content: string, fileName: string): Promise<number>;
  listSnapshots(): Promise<Catalogue>;
  getThumbnail(snapshotId: string): Promise<string>;
  searchArchive(query: string): Promise<SearchHit[]>;
  verifyArchive(): Promise<ArchiveReport>;
}

export type { ArchiveReport, Catalogue, ImportPreview, RegisterIssue, SearchHit };
