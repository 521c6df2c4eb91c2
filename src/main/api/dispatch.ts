import { z } from 'zod';
import { PLATFORMS } from '../../shared/channel';
import { HANDOVER_TARGETS } from '../../shared/handover';
import type { KanalarkivApi } from '../../shared/ipc';
import { HandoverError } from '../handover/errors';

const text = z.string().max(100_000);
const channelInput = z.object({
  id: z.string().max(200),
  name: z.string().max(500),
  platform: z.string().max(50).optional(),
  url: z.string().max(2_000),
  unit: z.string().max(500),
  owners: z.array(z.string().max(200)).max(50),
  pageOwner: z.string().max(200).optional(),
  notes: z.string().max(5_000).optional(),
  active: z.boolean().optional(),
  intervalMonths: z.number().optional(),
});

const setting = z.string().max(2_000);
const handoverSettings = z.object({
  organisationId: z.string().max(50),
  registrar: z.string().max(200),
  platina: z.object({
    baseUrl: setting, authority: setting, clientId: setting, scope: setting, diaryId: setting,
    caseMode: z.enum(['per-round', 'existing']), caseId: setting, caseTypeId: setting, statusId: setting, businessCodeId: setting, deedTypeId: setting,
  }),
  email: z.object({ mode: z.enum(['smtp', 'eml']), host: setting, port: z.number().int().min(1).max(65_535), user: setting, from: setting, to: setting, emlDir: setting, caFile: setting }),
  folderDir: setting,
  earkDir: setting,
  fileArchiveDir: setting,
});

/** Arguments of each call, validated before any handler sees them. */
export const ARGUMENTS = {
  getAppInfo: z.tuple([]),
  getSettings: z.tuple([]),
  saveSettings: z.tuple([z.object({
    organisation: z.string().max(500),
    archiveDir: z.string().min(1).max(1_000),
    browserPath: z.string().max(1_000),
    language: z.enum(['sv', 'en']),
    rounds: z.string().max(1_000),
    autoCapture: z.boolean(),
  })]),
  listChannels: z.tuple([]),
  saveChannel: z.tuple([channelInput, z.string().max(200).optional()]),
  previewImport: z.tuple([z.string().max(5_000_000), text]),
  importChannels: z.tuple([z.string().max(5_000_000), text]),
  listSnapshots: z.tuple([]),
  getThumbnail: z.tuple([z.string().max(1_000)]),
  searchArchive: z.tuple([z.string().max(500)]),
  verifyArchive: z.tuple([]),
  startCapture: z.tuple([z.object({ channelIds: z.array(z.string().max(200)).min(1).max(1_000), reason: z.string().min(1).max(2_000) })]),
  cancelCapture: z.tuple([z.string().uuid()]),
  getCaptureJob: z.tuple([z.string().uuid()]),
  getLoginStatus: z.tuple([]),
  openLogin: z.tuple([z.enum(PLATFORMS)]),
  getSnapshot: z.tuple([z.string().max(1_000)]),
  getPageImage: z.tuple([z.string().max(1_000), z.number().int().min(0).max(1_000)]),
  compareSnapshots: z.tuple([z.string().max(1_000), z.string().max(1_000), z.number().int().min(0).max(1_000)]),
  openRecordPdf: z.tuple([z.string().max(1_000)]),
  getRoundOverview: z.tuple([]),
  getHandoverSettings: z.tuple([]),
  saveHandoverSettings: z.tuple([handoverSettings]),
  getHandoverOverview: z.tuple([z.enum(HANDOVER_TARGETS)]),
  startHandover: z.tuple([z.object({ target: z.enum(HANDOVER_TARGETS), snapshotIds: z.array(z.string().max(1_000)).min(1).max(10_000), by: z.string().trim().min(1).max(200) })]),
  signInPlatina: z.tuple([]),
  signOutPlatina: z.tuple([]),
  setSmtpPassword: z.tuple([z.string().max(1_000)]),
  saveReceipt: z.tuple([z.string().uuid()]),
} satisfies Record<keyof KanalarkivApi, z.ZodType>;

export type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export interface Sender {
  /** URL of the frame that sent the message. */
  url: string;
  /** Whether it is the window's top frame (not an iframe). */
  isMainFrame: boolean;
}

/**
 * Whether `url` is the app's own page: the bundled renderer's index.html exactly (no other local file,
 * such as a record's PDF), or any page of the dev server while developing.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const page = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return page.protocol === 'file:' && page.pathname === app.pathname;
    return page.origin === app.origin;
  } catch {
    return false;
  }
}

/**
 * Answers one call from the UI: checks the sender, validates the arguments, runs the handler, and
 * turns any failure into {code, message}. The Electron shell only carries messages to and from here.
 */
export async function dispatch(api: KanalarkivApi, name: keyof KanalarkivApi, args: unknown[], sender: Sender, appUrl: string): Promise<Reply> {
  if (!sender.isMainFrame || !isAppUrl(sender.url, appUrl)) {
    return { ok: false, error: { code: 'forbidden', message: `${name} refused from ${sender.url || 'an unknown frame'}` } };
  }
  const parsed = ARGUMENTS[name].safeParse(args);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_arguments', message: parsed.error.message } };
  try {
    const value = await (api[name] as (...a: unknown[]) => Promise<unknown>)(...(parsed.data as unknown[]));
    return { ok: true, value };
  } catch (error) {
    // Handover failures carry a code the UI explains (signed-out, unreachable, …); anything else is internal.
    const code = error instanceof HandoverError ? error.code : 'internal';
    return { ok: false, error: { code, message: (error as Error).message } };
  }
}
