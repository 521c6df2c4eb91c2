import type { ArchiveReport, BagReport, Catalogue, Difference, RecordStamp, SearchHit, SnapshotRef, TextDifference } from './archive';
import type { CaptureJobState } from './capture';
import type { LoginState, Platform } from './channel';
import type { DeliveryResult, HandoverOverview, HandoverSettings, HandoverTarget, PlatinaCheck, PlatinaChoices, PlatinaPreview, PlatinaSignIn } from './handover';
import type { CommentReasonChoice, RemovalCheck, SaveCommentRequest } from './comment';
import type { ChannelEdit, ChannelExport, ChannelInput, ImportPreview, RegisteredChannel, RegisterEvent, RegisterInfo, SaveChannelResult, WebsiteImport } from './register';
import type { RoundOverview } from './rounds';
import type { AppInfo, Settings } from './settings';
import type { SnapshotMetadata } from './snapshot';

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
  removeChannel: 'kanalarkiv:remove-channel',
  getChannelHistory: 'kanalarkiv:get-channel-history',
  getRegisterInfo: 'kanalarkiv:get-register-info',
  exportChannels: 'kanalarkiv:export-channels',
  previewImport: 'kanalarkiv:preview-import',
  importChannels: 'kanalarkiv:import-channels',
  previewWebsiteImport: 'kanalarkiv:preview-website-import',
  importFromWebsite: 'kanalarkiv:import-from-website',
  listSnapshots: 'kanalarkiv:list-snapshots',
  getThumbnail: 'kanalarkiv:get-thumbnail',
  searchArchive: 'kanalarkiv:search-archive',
  verifyArchive: 'kanalarkiv:verify-archive',
  checkRecords: 'kanalarkiv:check-records',
  saveFixityReport: 'kanalarkiv:save-fixity-report',
  startCapture: 'kanalarkiv:start-capture',
  saveComment: 'kanalarkiv:save-comment',
  checkRemoval: 'kanalarkiv:check-removal',
  listCommentReasons: 'kanalarkiv:list-comment-reasons',
  saveCommentReasons: 'kanalarkiv:save-comment-reasons',
  cancelCapture: 'kanalarkiv:cancel-capture',
  getCaptureJob: 'kanalarkiv:get-capture-job',
  getCurrentCapture: 'kanalarkiv:get-current-capture',
  dismissCapture: 'kanalarkiv:dismiss-capture',
  getLoginStatus: 'kanalarkiv:get-login-status',
  logOut: 'kanalarkiv:log-out',
  openLogin: 'kanalarkiv:open-login',
  chooseFolder: 'kanalarkiv:choose-folder',
  getSnapshot: 'kanalarkiv:get-snapshot',
  getStamp: 'kanalarkiv:get-stamp',
  getPageImage: 'kanalarkiv:get-page-image',
  compareSnapshots: 'kanalarkiv:compare-snapshots',
  compareText: 'kanalarkiv:compare-text',
  openRecordPdf: 'kanalarkiv:open-record-pdf',
  openWebCopy: 'kanalarkiv:open-web-copy',
  getRoundOverview: 'kanalarkiv:get-round-overview',
  getHandoverSettings: 'kanalarkiv:get-handover-settings',
  saveHandoverSettings: 'kanalarkiv:save-handover-settings',
  getHandoverOverview: 'kanalarkiv:get-handover-overview',
  startHandover: 'kanalarkiv:start-handover',
  signInPlatina: 'kanalarkiv:sign-in-platina',
  signOutPlatina: 'kanalarkiv:sign-out-platina',
  getPlatinaChoices: 'kanalarkiv:get-platina-choices',
  checkPlatina: 'kanalarkiv:check-platina',
  previewPlatina: 'kanalarkiv:preview-platina',
  setSmtpPassword: 'kanalarkiv:set-smtp-password',
  saveReceipt: 'kanalarkiv:save-receipt',
} as const satisfies Record<keyof KanalarkivApi, string>;

/** Messages the main side sends on its own: the state of a running capture. */
export const IPC_EVENTS = {
  captureUpdate: 'kanalarkiv:capture-update',
} as const;

export interface KanalarkivApi {
  getAppInfo(): Promise<AppInfo>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  /** The archive's register, shared by everyone using the archive. */
  listChannels(): Promise<RegisteredChannel[]>;
  /** Adds a channel, or changes the one `edit` names if nobody has changed it since it was read. */
  saveChannel(input: ChannelInput, edit?: ChannelEdit): Promise<SaveChannelResult>;
  /** Removes a channel from the register (its snapshots stay), if nobody has changed it since it was read. */
  removeChannel(edit: ChannelEdit): Promise<void>;
  /** Every change to one channel in the register, oldest first. */
  getChannelHistory(channelId: string): Promise<RegisterEvent[]>;
  /** Where the register is, and whether this user's own register was just moved into it. */
  getRegisterInfo(): Promise<RegisterInfo>;
  /** Asks where to save the register (or the public list of accounts) and saves it; null when the user cancelled. */
  exportChannels(format: ChannelExport): Promise<string | null>;
  /** `base64` is the file's bytes: the core finds their encoding (UTF-8, UTF-16, Windows-1252). */
  previewImport(base64: string, fileName: string): Promise<ImportPreview>;
  importChannels(base64: string, fileName: string): Promise<number>;
  /** The channels the municipality's own list page (e.g. www.kommun.se/socialamedier) links to, as import rows for `unit`. */
  previewWebsiteImport(request: WebsiteImport): Promise<ImportPreview>;
  importFromWebsite(request: WebsiteImport): Promise<number>;
  listSnapshots(): Promise<Catalogue>;
  getThumbnail(ref: SnapshotRef): Promise<string>;
  searchArchive(query: string): Promise<SearchHit[]>;
  verifyArchive(): Promise<ArchiveReport>;
  /** The fixity of some records (the handover checks them before it offers them): the damaged ones only. */
  checkRecords(refs: SnapshotRef[]): Promise<BagReport[]>;
  /** Asks where to save the last check's report (PDF/A) and saves it; null when the user cancelled. */
  saveFixityReport(): Promise<string | null>;
  /** Starts capturing; progress arrives through onCaptureUpdate. */
  startCapture(request: { channelIds: string[]; reason: string }): Promise<CaptureJobState>;
  /** Saves one comment or post as a record; progress arrives through onCaptureUpdate, as a capture's. */
  saveComment(request: SaveCommentRequest): Promise<CaptureJobState>;
  /** Opens saved comments' links again and logs whether each is gone. */
  checkRemoval(request: { refs: SnapshotRef[]; by: string }): Promise<RemovalCheck[]>;
  /** The reasons a comment may be saved for: the guidelines' list and the archive's own. */
  listCommentReasons(): Promise<CommentReasonChoice[]>;
  /** Replaces the archive's own reasons. */
  saveCommentReasons(own: Array<{ code: string; label: string }>): Promise<CommentReasonChoice[]>;
  cancelCapture(jobId: string): Promise<void>;
  getCaptureJob(jobId: string): Promise<CaptureJobState | null>;
  /** The latest capture run started from the app (running, or finished and not yet dismissed), so the capture screen keeps it. */
  getCurrentCapture(): Promise<CaptureJobState | null>;
  /** The user is done with a finished run's results: the capture screen no longer shows them. */
  dismissCapture(jobId: string): Promise<void>;
  /** Which platforms have a saved login session, and which need one for a complete snapshot. */
  getLoginStatus(): Promise<Record<Platform, LoginState>>;
  /** Opens the platform's login window; resolves when the user has closed it. */
  openLogin(platform: Platform): Promise<Record<Platform, LoginState>>;
  /** The shell's folder dialog, starting at `current`; the folder chosen, or null when the user cancelled. */
  chooseFolder(current: string): Promise<string | null>;
  /** Deletes the platform's saved login (its browser profile); refused while a capture is running. */
  logOut(platform: Platform): Promise<Record<Platform, LoginState>>;
  getSnapshot(ref: SnapshotRef): Promise<SnapshotMetadata>;
  /** The record's trusted timestamp (timestamp.tsr) as it holds against its tag manifest; null when it has none. */
  getStamp(ref: SnapshotRef): Promise<RecordStamp | null>;
  /** Page `index` (0-based) of a snapshot's screenshot, as a data URL. */
  getPageImage(ref: SnapshotRef, index: number): Promise<string>;
  /** Where snapshot B differs from A on A's page `index`. */
  compareSnapshots(a: SnapshotRef, b: SnapshotRef, index: number): Promise<Difference>;
  /** The lines of page text that the newer snapshot `b` added and the older `a` had and lost. */
  compareText(a: SnapshotRef, b: SnapshotRef): Promise<TextDifference>;
  /** Shows the record's PDF in a window of its own. */
  openRecordPdf(ref: SnapshotRef): Promise<void>;
  /** Replays the record's web copy (page.wacz) offline in a window of its own; `no_web_copy` for a record made before web copies. */
  openWebCopy(ref: SnapshotRef): Promise<void>;
  getRoundOverview(): Promise<RoundOverview>;
  getHandoverSettings(): Promise<HandoverSettings>;
  saveHandoverSettings(settings: HandoverSettings): Promise<HandoverSettings>;
  getHandoverOverview(target: HandoverTarget): Promise<HandoverOverview>;
  /** Hands the records over; resolves with each record's outcome when all are done. */
  startHandover(request: { target: HandoverTarget; refs: SnapshotRef[]; by: string }): Promise<DeliveryResult>;
  /** Opens the identity provider's sign-in in the system browser; resolves when the browser comes back. */
  signInPlatina(): Promise<PlatinaSignIn>;
  signOutPlatina(): Promise<PlatinaSignIn>;
  /** The account's diaries and the reference lists of `diaryId`, to choose the diary and the values by name (signed in). */
  getPlatinaChoices(diaryId: string): Promise<PlatinaChoices>;
  /** "Kontrollera anslutningen": the saved settings against the customer's Platina and its OpenAPI document. */
  checkPlatina(): Promise<PlatinaCheck>;
  /** What handing `refs` over to Platina would create; nothing is sent or written. */
  previewPlatina(refs: SnapshotRef[]): Promise<PlatinaPreview>;
  /** Keeps the SMTP password encrypted; '' forgets it. False when this machine cannot encrypt it. */
  setSmtpPassword(password: string): Promise<boolean>;
  /** Asks where to save a delivery's receipt (PDF/A) and saves it; null when the user cancelled. */
  saveReceipt(deliveryId: string): Promise<string | null>;
}

/** What the preload exposes besides the calls: subscriptions to the main side's messages. */
export interface KanalarkivEvents {
  /** Calls `listener` with the whole state of a capture run on every change; returns the unsubscribe. */
  onCaptureUpdate(listener: (job: CaptureJobState) => void): () => void;
}

export type KanalarkivBridge = KanalarkivApi & KanalarkivEvents;

/** The calls, in the order of IPC_CHANNELS: the preload forwards exactly these. */
export const API_CALLS = Object.keys(IPC_CHANNELS) as Array<keyof KanalarkivApi>;
