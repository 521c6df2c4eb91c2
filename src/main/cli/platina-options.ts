import { spawn } from 'node:child_process';
import type { PlatinaSettings } from '../../shared/handover';
import { PlatinaClient } from '../handover/platina/client';
import type { Tokens } from '../handover/platina/oauth';
import { PlatinaSession, type TokenKeeper } from '../handover/platina/session';
import type { Translate } from '../messages';
import { UsageError, type Io } from './options';

/** The flags that set Platina's settings, shared by `handover --to platina` and `platina check`. */
export const PLATINA_OPTIONS = {
  platina: { type: 'string' },
  diary: { type: 'string' },
  case: { type: 'string' },
  authority: { type: 'string' },
  'client-id': { type: 'string' },
  scope: { type: 'string' },
  'redirect-host': { type: 'string' },
  'redirect-path': { type: 'string' },
  openapi: { type: 'string' },
  'token-header': { type: 'string' },
  status: { type: 'string' },
  origin: { type: 'string' },
  'case-type': { type: 'string' },
  'business-code': { type: 'string' },
  'pul-level': { type: 'string' },
  'secrecy-level': { type: 'string' },
  'confidential-paragraphs': { type: 'string' },
  'deed-type': { type: 'string' },
  'deed-status': { type: 'string' },
  'deed-pul-level': { type: 'string' },
  'deed-secrecy-level': { type: 'string' },
  'comment-pul-level': { type: 'string' },
} as const;

type PlatinaFlags = { [K in keyof typeof PLATINA_OPTIONS]?: string };

/** The shared settings with every flag given in place of its setting. */
export function platinaFromFlags(values: PlatinaFlags, platina: PlatinaSettings, t: Translate): PlatinaSettings {
  const host = values['redirect-host'];
  if (host !== undefined && host !== 'localhost' && host !== '127.0.0.1') throw new UsageError(t('cli.redirectHost', { host }));
  const header = values['token-header'];
  if (header !== undefined && !/^[A-Za-z0-9-]*$/.test(header)) throw new UsageError(t('cli.tokenHeader', { header }));
  const path = values['redirect-path'];
  if (path !== undefined && !/^(\/[\w\-./]*)?$/.test(path)) throw new UsageError(t('cli.redirectPath', { path }));
  return {
    baseUrl: values.platina ?? platina.baseUrl,
    authority: values.authority ?? platina.authority,
    clientId: values['client-id'] ?? platina.clientId,
    scope: values.scope ?? platina.scope,
    redirectHost: host ?? platina.redirectHost,
    redirectPath: path ?? platina.redirectPath,
    openApiUrl: values.openapi ?? platina.openApiUrl,
    tokenHeader: header ?? platina.tokenHeader,
    diaryId: values.diary ?? platina.diaryId,
    caseMode: values.case ? 'existing' : platina.caseMode,
    caseId: values.case ?? platina.caseId,
    statusId: values.status ?? platina.statusId,
    // Platina takes the origin as the object its list gives; a flag names it by id (see resolveOrigin).
    origin: values.origin !== undefined ? { id: values.origin } : platina.origin,
    caseTypeId: values['case-type'] ?? platina.caseTypeId,
    businessCodeId: values['business-code'] ?? platina.businessCodeId,
    pulLevel: values['pul-level'] ?? platina.pulLevel,
    secrecyLevel: values['secrecy-level'] ?? platina.secrecyLevel,
    confidentialParagraphIds: values['confidential-paragraphs'] !== undefined ? values['confidential-paragraphs'].split(',').map((p) => p.trim()).filter(Boolean) : platina.confidentialParagraphIds,
    deedTypeId: values['deed-type'] ?? platina.deedTypeId,
    deedStatusId: values['deed-status'] ?? platina.deedStatusId,
    deedPulLevel: values['deed-pul-level'] ?? platina.deedPulLevel,
    deedSecrecyLevel: values['deed-secrecy-level'] ?? platina.deedSecrecyLevel,
    commentPulLevel: values['comment-pul-level'] ?? platina.commentPulLevel,
  };
}

/**
 * The sign-in of one run: in memory only, or the token in KANALARKIV_PLATINA_TOKEN; the first call
 * that needs it opens the browser.
 */
export function platinaConnection(settings: () => PlatinaSettings, io: Io, signal?: AbortSignal): { session: PlatinaSession; token: () => Promise<string>; client: () => PlatinaClient } {
  const session = new PlatinaSession(settings, memoryKeeper(process.env.KANALARKIV_PLATINA_TOKEN));
  const token = async () => {
    if (!session.status().signedIn) {
      io.err(io.t('cli.signingIn'));
      await session.signIn(openInBrowser(io), signal);
    }
    return session.accessToken();
  };
  return { session, token, client: () => new PlatinaClient(settings().baseUrl, token, settings().tokenHeader) };
}

/** An origin given by id on the command line, replaced by the object Platina's list has for it. */
export async function resolveOrigin(settings: PlatinaSettings, client: PlatinaClient, t: Translate): Promise<PlatinaSettings> {
  const origin = settings.origin;
  if (!origin || Object.keys(origin).length !== 1 || !('id' in origin)) return settings;
  const origins = await client.references('origins', settings.diaryId);
  const found = origins.find((o) => o.id === String(origin.id));
  if (!found) throw new UsageError(t('cli.noSuchOrigin', { id: String(origin.id), names: origins.map((o) => `${o.id} (${o.name})`).join(', ') || t('cli.none') }));
  return { ...settings, origin: found };
}

function memoryKeeper(token: string | undefined): TokenKeeper {
  let tokens: Tokens | null = token ? { accessToken: token, refreshToken: null, expiresAt: Number.MAX_SAFE_INTEGER } : null;
  return { load: () => tokens, save: (saved) => void (tokens = saved) };
}

function openInBrowser(io: Io): (url: string) => Promise<void> {
  return async (url) => {
    io.err(io.t('cli.openAddress', { url }));
    const [command, ...args] = process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : [process.platform === 'darwin' ? 'open' : 'xdg-open', url];
    spawn(command!, args, { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  };
}
