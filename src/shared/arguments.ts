import { z } from 'zod';
import { snapshotRefSchema } from './archive';
import { PLATFORMS } from './channel';
import { saveCommentRequestSchema } from './comment';
import { HANDOVER_TARGETS, handoverSettingsSchema } from './handover';
import type { KanalarkivApi } from './ipc';
import { CHANNEL_EXPORTS, channelEditSchema, channelInputSchema, websiteImportSchema } from './register';
import { settingsSchema } from './settings';

const text = z.string().max(100_000);
const snapshot = snapshotRefSchema;
const page = z.number().int().min(0).max(1_000);
/** A file's bytes, base64: a channel list of at most about 5 MB. */
const bytes = z.string().max(7_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * Each call's arguments, checked by dispatch() before any handler sees them. The checks below make
 * the compiler refuse a schema that accepts other arguments than the call's TypeScript signature.
 */
export const ARGUMENTS = {
  getAppInfo: z.tuple([]),
  getSettings: z.tuple([]),
  saveSettings: z.tuple([settingsSchema]),
  listChannels: z.tuple([]),
  saveChannel: z.tuple([channelInputSchema, channelEditSchema.optional()]),
  removeChannel: z.tuple([channelEditSchema]),
  getChannelHistory: z.tuple([z.string().max(200)]),
  getRegisterInfo: z.tuple([]),
  exportChannels: z.tuple([z.enum(CHANNEL_EXPORTS)]),
  previewImport: z.tuple([bytes, text]),
  importChannels: z.tuple([bytes, text]),
  previewWebsiteImport: z.tuple([websiteImportSchema]),
  importFromWebsite: z.tuple([websiteImportSchema]),
  listSnapshots: z.tuple([]),
  getThumbnail: z.tuple([snapshot]),
  searchArchive: z.tuple([z.string().max(500)]),
  verifyArchive: z.tuple([]),
  checkRecords: z.tuple([z.array(snapshot).max(10_000)]),
  saveFixityReport: z.tuple([]),
  startCapture: z.tuple([z.object({ channelIds: z.array(z.string().max(200)).min(1).max(1_000), reason: z.string().min(1).max(2_000) })]),
  saveComment: z.tuple([saveCommentRequestSchema]),
  listCommentReasons: z.tuple([]),
  saveCommentReasons: z.tuple([z.array(z.object({ code: z.string().max(100), label: z.string().max(500) })).max(200)]),
  checkRemoval: z.tuple([z.object({ refs: z.array(snapshot).min(1).max(1_000), by: z.string().trim().min(1).max(200) })]),
  cancelCapture: z.tuple([z.uuid()]),
  getCaptureJob: z.tuple([z.uuid()]),
  getCurrentCapture: z.tuple([]),
  dismissCapture: z.tuple([z.uuid()]),
  getLoginStatus: z.tuple([]),
  openLogin: z.tuple([z.enum(PLATFORMS)]),
  logOut: z.tuple([z.enum(PLATFORMS)]),
  chooseFolder: z.tuple([z.string().max(4_096)]),
  getSnapshot: z.tuple([snapshot]),
  getStamp: z.tuple([snapshot]),
  getPageImage: z.tuple([snapshot, page]),
  compareSnapshots: z.tuple([snapshot, snapshot, page]),
  compareText: z.tuple([snapshot, snapshot]),
  openRecordPdf: z.tuple([snapshot]),
  openWebCopy: z.tuple([snapshot]),
  getRoundOverview: z.tuple([]),
  getHandoverSettings: z.tuple([]),
  saveHandoverSettings: z.tuple([handoverSettingsSchema]),
  getHandoverOverview: z.tuple([z.enum(HANDOVER_TARGETS)]),
  startHandover: z.tuple([z.object({ target: z.enum(HANDOVER_TARGETS), refs: z.array(snapshot).min(1).max(10_000), by: z.string().trim().min(1).max(200) })]),
  signInPlatina: z.tuple([]),
  signOutPlatina: z.tuple([]),
  getPlatinaChoices: z.tuple([z.string().max(2_000)]),
  checkPlatina: z.tuple([]),
  previewPlatina: z.tuple([z.array(snapshot).min(1).max(10_000)]),
  setSmtpPassword: z.tuple([z.string().max(1_000)]),
  saveReceipt: z.tuple([z.uuid()]),
} satisfies Record<keyof KanalarkivApi, z.ZodType>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time: every schema's output is exactly its call's parameters. */
export const ARGUMENTS_MATCH_API: { [K in keyof KanalarkivApi]: Same<z.output<(typeof ARGUMENTS)[K]>, Parameters<KanalarkivApi[K]>> } = {
  getAppInfo: true, getSettings: true, saveSettings: true, listChannels: true, saveChannel: true, removeChannel: true, getChannelHistory: true, getRegisterInfo: true, exportChannels: true, previewImport: true,
  importChannels: true, previewWebsiteImport: true, importFromWebsite: true, listSnapshots: true, getThumbnail: true, searchArchive: true, verifyArchive: true, checkRecords: true, saveFixityReport: true, startCapture: true, saveComment: true, checkRemoval: true, listCommentReasons: true, saveCommentReasons: true,
  cancelCapture: true, getCaptureJob: true, getCurrentCapture: true, dismissCapture: true, getLoginStatus: true, openLogin: true, logOut: true, chooseFolder: true, getSnapshot: true, getStamp: true, getPageImage: true,
  compareSnapshots: true, compareText: true, openRecordPdf: true, openWebCopy: true, getRoundOverview: true, getHandoverSettings: true, saveHandoverSettings: true,
  getHandoverOverview: true, startHandover: true, signInPlatina: true, signOutPlatina: true, getPlatinaChoices: true, checkPlatina: true, previewPlatina: true, setSmtpPassword: true, saveReceipt: true,
};
