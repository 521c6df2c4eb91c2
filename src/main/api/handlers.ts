import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { PLATFORMS, type LoginState, type Platform } from '../../shared/channel';
import { PLATFORM_MODULES } from '../platforms';
import type { KanalarkivApi } from '../../shared/ipc';
import { commentReasons, writeOwnReasons } from '../archive/comment-reasons';
import { checkRemovals } from '../pipeline/removal';
import { findBrowser } from '../capture/browser';
import { openLoginWindow } from '../capture/login';
import { CaptureError } from '../capture/errors';
import { CAPTURE_PROFILE } from '../capture/profile';
import { profileDir } from '../capture/session';
import { decodeText } from '../register/encoding';
import { ChannelRegister, currentUser } from '../register/register';
import { registerFile } from '../register/register-file';
import { channelsOnPage, fetchListPage } from '../register/website';
import { channelsCsv, channelsHtml, channelsJson } from '../register/export';
import { noSharedSettings, readSharedSettings, updateSharedSettings, withoutRegistrar, type SharedSettings } from '../archive/shared-settings';
import { moveIntoArchive } from './move-to-archive';
import { KanalarkivError } from '../../shared/errors';
import type { HandoverSettings } from '../../shared/handover';
import type { RegisterInfo } from '../../shared/register';
import { recordAttempts, roundOverview } from '../rounds/overview';
import { parseRounds } from '../rounds/rounds';
import { RUN_DEFAULTS, roundsInForce } from '../pipeline/defaults';
import { planCapture } from '../pipeline/capture-plan';
import { tool } from '../resources';
import type { WebCopy } from '../replay/web-copy-replay';
import { createArchiveHandlers } from './archive';
import { readCatalogue } from '../archive/catalogue';
import type { SecretStore } from '../secrets';
import type { Storage } from '../storage';
import { CaptureJobs } from './captures';
import { createHandoverHandlers } from './handover';
import type { AppInfo, Settings } from '../../shared/settings';
import type { CaptureJobState } from '../../shared/capture';

export interface HandlerContext {
  storage: Storage;
  /** Where snapshots go until the user chooses another folder. */
  defaultArchiveDir: string;
  /** The per-platform login profiles. */
  profilesRoot: string;
  /** Sends a running capture's state to the UI. */
  publishCapture: (state: CaptureJobState) => void;
  /** Shows a record's PDF to the user; the shell decides how. */
  showPdf: (file: string) => Promise<void>;
  /** Replays a record's web copy, offline, in a window of its own. */
  showWebCopy: (copy: WebCopy) => Promise<void>;
  timeoutMs?: number;
  concurrency?: number;
  /** The clock; tests set it. */
  now?: () => Date;
  /** Passwords and sign-in tokens, kept encrypted. */
  secrets: SecretStore;
  /** Opens a web address in the system browser. */
  openExternal: (url: string) => Promise<void>;
  /** Asks where to save a file and saves it; null when the user cancels. */
  saveFile: (suggestedName: string, bytes: Uint8Array) => Promise<string | null>;
  /** Asks for a folder, starting at `current`; null when the user cancels. */
  chooseFolder: (current: string) => Promise<string | null>;
}

/** What the main process answers to the UI; plain Node, so it is tested without Electron. */
export function createHandlers(context: HandlerContext): KanalarkivApi {
  const { storage, defaultArchiveDir, profilesRoot } = context;
  const now = context.now ?? (() => new Date());
  const attempts = () => storage.get('attempts') ?? {};
  const jobs = new CaptureJobs((state) => {
    if (state.finishedAt) storage.set('attempts', recordAttempts(attempts(), state));
    context.publishCapture(state);
  });
  const personal = () => ({ archiveDir: defaultArchiveDir, browserPath: '', language: 'sv' as const, autoCapture: false, ...storage.get('settings') });
  // Each archive's move of this user's own register and settings into it, done once per run.
  const moves = new Map<string, Promise<RegisterInfo['moved']>>();
  const archive = async () => {
    const dir = personal().archiveDir;
    await mkdir(dir, { recursive: true });
    if (!moves.has(dir)) moves.set(dir, moveIntoArchive(storage, dir, new ChannelRegister(dir, currentUser, now)).catch((error) => {
      moves.delete(dir);
      throw error;
    }));
    await moves.get(dir);
    return dir;
  };
  const register = async () => new ChannelRegister(await archive(), currentUser, now);
  /**
   * A new archive folder without a register of its own (a share set up for the municipality) gets
   * the channels of the one the user leaves, as "moved" in its history; one with a register keeps its own.
   */
  const carryRegister = async (from: string, to: string) => {
    if (existsSync(registerFile(to)) || !existsSync(registerFile(from))) return;
    const channels = await new ChannelRegister(from, currentUser, now).list();
    if (channels.length === 0) return;
    await mkdir(to, { recursive: true });
    const added = await new ChannelRegister(to, currentUser, now).move(channels);
    moves.set(to, (moves.get(to) ?? moveIntoArchive(storage, to, new ChannelRegister(to, currentUser, now))).then((own) => ({ added: [...added, ...(own?.added ?? [])], alreadyThere: own?.alreadyThere ?? [] })));
  };
  const shared = async (): Promise<SharedSettings> => (await readSharedSettings(await archive())) ?? noSharedSettings();
  const settings = async (): Promise<Settings> => {
    const { organisation, rounds, tsaUrl, tsaRoots } = await shared();
    const { archiveDir, browserPath, language, autoCapture } = personal();
    return { organisation, archiveDir, browserPath, language, rounds, autoCapture, tsaUrl, tsaRoots };
  };
  const loginStatus = () =>
    Object.fromEntries(PLATFORMS.map((p) => [p, { loggedIn: existsSync(profileDir(profilesRoot, p)), needed: PLATFORM_MODULES[p].loggedOutView === 'partial' }])) as Record<Platform, LoginState>;
  const handoverSettings = async (): Promise<HandoverSettings> => ({ ...(await shared()).handover, registrar: storage.get('handover')?.registrar ?? '' });
  const saveHandoverSettings = async (next: HandoverSettings) => {
    storage.set('handover', { registrar: next.registrar });
    const dir = await archive();
    if (JSON.stringify(withoutRegistrar(next)) !== JSON.stringify((await shared()).handover)) await updateSharedSettings(dir, (current) => ({ ...current, handover: withoutRegistrar(next) }));
  };

  return {
    ...createArchiveHandlers({ archive, shared, now, showPdf: context.showPdf, showWebCopy: context.showWebCopy, saveFile: context.saveFile }),
    ...createHandoverHandlers({ settings: handoverSettings, save: saveHandoverSettings, secrets: context.secrets, archive, organisation: async () => (await shared()).organisation, tsaUrl: async () => (await shared()).tsaUrl, openExternal: context.openExternal, saveFile: context.saveFile }),
    async getAppInfo(): Promise<AppInfo> {
      const { version, viewport, locale, timezoneId, method } = CAPTURE_PROFILE;
      return { version: tool().version, captureProfile: { version, viewport: { ...viewport }, locale, timezoneId, method } };
    },
    async getSettings() {
      return settings();
    },
    async saveSettings(next) {
      if (next.rounds) parseRounds(next.rounds);
      if (next.tsaUrl && !isHttpUrl(next.tsaUrl)) throw new KanalarkivError('invalid_arguments', `the time-stamping authority "${next.tsaUrl}" is not an http or https address`, { what: 'tsa_url', url: next.tsaUrl });
      if (next.tsaRoots.trim() && !isPemCertificates(next.tsaRoots)) throw new KanalarkivError('invalid_arguments', 'the time-stamping authorities\' root certificates are not PEM certificates', { what: 'tsa_roots' });
      const before = personal().archiveDir;
      const moving = next.archiveDir !== before;
      const { archiveDir, browserPath, language, autoCapture } = next;
      if (moving) await carryRegister(before, archiveDir);
      storage.set('settings', { archiveDir, browserPath, language, autoCapture });
      const current = await shared();
      // Another archive has settings of its own, which its other users share: only empty ones are filled in.
      const organisation = moving && current.organisation ? current.organisation : next.organisation;
      const spec = moving && current.rounds ? current.rounds : next.rounds;
      const tsaUrl = moving && current.tsaUrl ? current.tsaUrl : next.tsaUrl;
      const tsaRoots = moving && current.tsaRoots ? current.tsaRoots : next.tsaRoots.trim();
      if (organisation !== current.organisation || spec !== current.rounds || tsaUrl !== current.tsaUrl || tsaRoots !== current.tsaRoots) {
        await updateSharedSettings(await archive(), (latest) => ({ ...latest, organisation, rounds: spec, tsaUrl, tsaRoots }));
      }
      return settings();
    },
    async listChannels() {
      return (await register()).list();
    },
    async saveChannel(input, edit) {
      return (await register()).save(input, edit);
    },
    async removeChannel(edit) {
      await (await register()).remove(edit);
    },
    async getChannelHistory(channelId) {
      return (await register()).history(channelId);
    },
    async getRegisterInfo() {
      const dir = await archive();
      return { file: registerFile(dir), channels: (await (await register()).list()).length, moved: (await moves.get(dir)) ?? null };
    },
    async exportChannels(format) {
      const channels = await (await register()).list();
      const day = now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
      const active = channels.filter((c) => c.active);
      const { organisation } = await shared();
      const [name, text] = format === 'public-html' ? [`Sociala medier, lista för webbplatsen ${day}.html`, channelsHtml(active, organisation, now())]
        : format === 'public-csv' ? [`Sociala medier, lista för webbplatsen ${day}.csv`, channelsCsv(active, 'public')]
          : format === 'json' ? [`Kanalregister ${day}.json`, channelsJson(channels)] : [`Kanalregister ${day}.csv`, channelsCsv(channels)];
      return context.saveFile(name, new TextEncoder().encode(text));
    },
    async previewImport(base64, fileName) {
      const { text, encoding } = decodeText(Buffer.from(base64, 'base64'));
      return { ...(await (await register()).previewImport(text, fileName)), encoding };
    },
    async importChannels(base64, fileName) {
      return (await (await register()).importRows(decodeText(Buffer.from(base64, 'base64')).text, fileName)).length;
    },
    async previewWebsiteImport({ address, unit }) {
      const { html, page } = await fetchListPage(address);
      return { ...(await (await register()).preview(channelsOnPage(html, page, unit))), encoding: 'UTF-8', unknownColumns: [] };
    },
    async importFromWebsite({ address, unit }) {
      const { html, page } = await fetchListPage(address);
      return (await (await register()).addAll(channelsOnPage(html, page, unit), 'imported')).length;
    },
    async getRoundOverview() {
      const shown = new Set(storage.get('remindersShown') ?? []);
      const { snapshots } = await readCatalogue(await archive());
      const { overview, given } = roundOverview({ definitions: roundsInForce(undefined, (await shared()).rounds), at: now(), channels: await (await register()).list(), snapshots, attempts: attempts(), shown });
      storage.set('remindersShown', [...shown, ...given]);
      return overview;
    },
    async startCapture({ channelIds, reason }) {
      const channels = (await (await register()).list()).filter((c) => channelIds.includes(c.id));
      const unknown = channelIds.filter((id) => !channels.some((c) => c.id === id));
      if (unknown.length > 0) throw new KanalarkivError('not_registered', `not in the register: ${unknown.join(', ')}`);
      const { organisation, browserPath, rounds, tsaUrl } = await settings();
      const archiveDir = await archive();
      const plan = await planCapture(archiveDir, channels, roundsInForce(undefined, rounds), { at: now() });
      return jobs.start(plan.channels, reason, {
        ...plan.run,
        archiveDir,
        organisation,
        browserPath: browserPath || undefined,
        profilesRoot,
        timeoutMs: context.timeoutMs ?? RUN_DEFAULTS.channelTimeoutMs,
        concurrency: context.concurrency ?? RUN_DEFAULTS.concurrency,
        tsaUrl: tsaUrl || undefined,
      });
    },
    async listCommentReasons() {
      return commentReasons(await archive());
    },
    async saveCommentReasons(own) {
      const dir = await archive();
      await writeOwnReasons(dir, own);
      return commentReasons(dir);
    },
    async saveComment({ channelId, url, reason, note, savedBy, selector, pick, answer }) {
      const channel = (await (await register()).list()).find((c) => c.id === channelId);
      if (!channel) throw new KanalarkivError('not_registered', `not in the register: ${channelId}`);
      const archiveDir = await archive();
      const chosen = (await commentReasons(archiveDir)).find((r) => r.code === reason);
      if (!chosen) throw new Error(`no such reason: ${reason}`);
      const { organisation, browserPath, tsaUrl } = await settings();
      return jobs.start([channel], chosen.sv, {
        archiveDir,
        organisation,
        tsaUrl: tsaUrl || undefined,
        browserPath: browserPath || undefined,
        profilesRoot,
        timeoutMs: context.timeoutMs ?? RUN_DEFAULTS.commentTimeoutMs,
        concurrency: 1,
        comment: { url, selector: selector || null, pick, answer: answer || null, reason: { code: chosen.code, label: chosen.sv }, note: note.trim(), savedBy },
      });
    },
    async checkRemoval({ refs, by }) {
      const { browserPath } = personal();
      return checkRemovals({ archiveDir: await archive(), refs, by, browserPath: browserPath || undefined, profilesRoot, timeoutMs: context.timeoutMs ?? RUN_DEFAULTS.removalTimeoutMs });
    },
    async cancelCapture(jobId) {
      jobs.cancel(jobId);
    },
    async getCaptureJob(jobId) {
      return jobs.get(jobId);
    },
    async getCurrentCapture() {
      return jobs.currentCapture();
    },
    async dismissCapture(jobId) {
      jobs.dismiss(jobId);
    },
    async getLoginStatus() {
      return loginStatus();
    },
    async openLogin(platform) {
      await openLoginWindow(platform, findBrowser(personal().browserPath || undefined), profilesRoot);
      return loginStatus();
    },
    async chooseFolder(current) {
      return context.chooseFolder(current);
    },
    async logOut(platform) {
      // A running capture may have the profile open; deleting it under the browser would break that capture.
      if (jobs.running()) throw new CaptureError('in_progress', `cannot log out of ${platform} while a capture is running`, { what: 'logout' });
      await rm(profileDir(profilesRoot, platform), { recursive: true, force: true });
      return loginStatus();
    },
  };
}

/** Whether a setting's text is one or more PEM certificates, and nothing else. */
function isPemCertificates(text: string): boolean {
  return /^(\s*-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----)+\s*$/.test(text);
}

/** Whether a setting's address is an absolute http or https one. */
function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}
