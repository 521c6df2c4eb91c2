import type { HandoverOverview, HandoverSettings } from '../../shared/handover';
import { DEFAULT_HANDOVER_SETTINGS } from '../../shared/handover';
import type { KanalarkivApi } from '../../shared/ipc';
import type { ApiError } from '../../shared/errors';
import { handOver } from '../handover/deliver';
import { HandoverError } from '../handover/errors';
import { checkLog, requireIntactLog } from '../handover/check';
import { listHandoverRecords } from '../handover/items';
import { HandoverLog } from '../handover/log';
import { checkPlatina, readReferences } from '../handover/platina/api-check';
import { PlatinaClient } from '../handover/platina/client';
import { previewPlatina } from '../handover/platina/preview';
import { PlatinaSession } from '../handover/platina/session';
import { requireDiary } from '../handover/platina/values';
import { deliveriesInLog, receiptPdf, TARGET_NAMES } from '../handover/receipt';
import { adapterFor } from '../handover/targets';
import type { SecretStore } from '../secrets';

export interface HandoverContext {
  /** The handover settings: the archive's shared ones, with this user's name as registrar. */
  settings: () => Promise<HandoverSettings>;
  save: (settings: HandoverSettings) => Promise<void>;
  secrets: SecretStore;
  /** The archive folder (created if missing). */
  archive: () => Promise<string>;
  organisation: () => Promise<string>;
  /** The archive's time-stamping authority, which stamps the handover log after each handover; '' for none. */
  tsaUrl: () => Promise<string>;
  /** Opens a web address in the system browser (Platina sign-in). */
  openExternal: (url: string) => Promise<void>;
  /** Asks the user where to save a file and saves it; null when they cancel. */
  saveFile: (suggestedName: string, bytes: Uint8Array) => Promise<string | null>;
}

type HandoverApi = Pick<KanalarkivApi, 'getHandoverSettings' | 'saveHandoverSettings' | 'getHandoverOverview' | 'startHandover' | 'signInPlatina' | 'signOutPlatina' | 'getPlatinaChoices' | 'checkPlatina' | 'previewPlatina' | 'setSmtpPassword' | 'saveReceipt'>;

const TOKENS = 'platina-tokens';
const SMTP_PASSWORD = 'smtp-password';

/** The registrar's calls: settings, what is where, handing over, Platina sign-in and receipts. */
export function createHandoverHandlers(context: HandoverContext): HandoverApi {
  const { secrets } = context;
  // The settings as last read: the Platina session reads its sign-in settings without waiting.
  let latest: HandoverSettings = DEFAULT_HANDOVER_SETTINGS;
  const settings = async () => (latest = await context.settings());
  const session = new PlatinaSession(() => latest.platina, {
    load: () => JSON.parse(secrets.get(TOKENS) ?? 'null'),
    save: (tokens) => void secrets.set(TOKENS, tokens && JSON.stringify(tokens)),
  });
  const platinaClient = (platina: HandoverSettings['platina']) => {
    if (!platina.baseUrl) requireDiary(platina);
    return new PlatinaClient(platina.baseUrl, () => session.accessToken(), platina.tokenHeader);
  };
  const adapter = async (target: Parameters<HandoverApi['getHandoverOverview']>[0], by?: string) => {
    const current = await settings();
    return adapterFor(target, current, { organisation: await context.organisation(), by: by ?? current.registrar, platinaToken: () => session.accessToken(), smtpPassword: secrets.get(SMTP_PASSWORD) });
  };

  return {
    async getHandoverSettings() {
      return settings();
    },
    async saveHandoverSettings(next) {
      await context.save(next);
      return settings();
    },
    async getHandoverOverview(target): Promise<HandoverOverview> {
      const archiveDir = await context.archive();
      const reading = await new HandoverLog(archiveDir).read();
      let destination: string | null = null;
      let settingsProblem: ApiError | null = null;
      try {
        destination = (await adapter(target)).destination;
      } catch (error) {
        if (!(error instanceof HandoverError)) throw error;
        settingsProblem = { code: error.code, message: error.message, params: error.params };
      }
      return {
        records: await listHandoverRecords(archiveDir, reading.entries),
        deliveries: deliveriesInLog(reading),
        destination,
        settingsProblem,
        platina: session.status(),
        smtpPasswordSet: secrets.get(SMTP_PASSWORD) !== null,
        logProblems: (await checkLog(archiveDir, reading)).length,
      };
    },
    async startHandover({ target, refs, by }) {
      await context.save({ ...(await settings()), registrar: by });
      return handOver({ archiveDir: await context.archive(), adapter: await adapter(target, by), refs, by, tsaUrl: (await context.tsaUrl()) || undefined });
    },
    async signInPlatina() {
      await settings();
      return session.signIn(context.openExternal);
    },
    async signOutPlatina() {
      session.signOut();
      return session.status();
    },
    async getPlatinaChoices(diaryId) {
      const { platina } = await settings();
      // The diary being chosen need not be saved yet: only the address is.
      const client = platinaClient(platina);
      const diaries = await client.diaries();
      return { diaries, lists: diaries.some((d) => d.id === diaryId) ? await readReferences(client, diaryId) : null };
    },
    async checkPlatina() {
      const { platina } = await settings();
      requireDiary(platina);
      const client = platinaClient(platina);
      await session.accessToken();
      const { name, email } = session.status();
      return checkPlatina(platina, client, { name, email });
    },
    async previewPlatina(refs) {
      return previewPlatina(await context.archive(), (await settings()).platina, refs);
    },
    async setSmtpPassword(password) {
      return secrets.set(SMTP_PASSWORD, password || null);
    },
    async saveReceipt(deliveryId) {
      const archiveDir = await context.archive();
      const log = new HandoverLog(archiveDir);
      const reading = await log.read();
      await requireIntactLog(archiveDir, reading, log.file);
      const delivery = deliveriesInLog(reading).find((d) => d.deliveryId === deliveryId);
      if (!delivery) throw new HandoverError('not_found', `There is no delivery ${deliveryId} in the handover log.`);
      const day = delivery.at.slice(0, 10);
      return context.saveFile(`Kvitto ${day} ${TARGET_NAMES[delivery.target]}.pdf`.replace(/[/\\:]/g, '-'), await receiptPdf(delivery, await context.organisation()));
    },
  };
}
