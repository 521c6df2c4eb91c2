import type { CaptureErrorCode } from './capture';

/** Why a handover failed: each is explained to the registrar with what to do. */
export const HANDOVER_ERROR_CODES = ['not_found', 'damaged', 'settings', 'target_exists', 'unreachable', 'signed_out', 'rejected', 'cancelled', 'log_broken', 'busy'] as const;
export type HandoverErrorCode = (typeof HANDOVER_ERROR_CODES)[number];

/**
 * Why the archive's shared channel register or settings could not be read or changed: someone else
 * changed the channel first, the file is damaged or from a newer Kanalarkiv, another writer holds it,
 * the rounds are not written as rounds; or the municipality's list page could not be fetched.
 */
export const REGISTER_ERROR_CODES = ['register_changed', 'register_unreadable', 'register_too_new', 'register_busy', 'not_registered', 'settings_unreadable', 'invalid_rounds', 'website_unreachable'] as const;
export type RegisterErrorCode = (typeof REGISTER_ERROR_CODES)[number];

/** Why a call from the UI was not answered: refused sender, bad arguments, or a failure with no code of its own. */
export const API_ERROR_CODES = ['forbidden', 'invalid_arguments', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Every code the core returns; the UI and the CLI say each in the user's language. */
export type ErrorCode = CaptureErrorCode | HandoverErrorCode | RegisterErrorCode | ApiErrorCode;

/**
 * What a failure's sentence says beyond its code: `what` picks a more exact sentence of the code
 * (which setting is missing, say), the rest are the values it names (a file, a size).
 */
export type ErrorParams = Record<string, string | number>;

/**
 * A failure with a code the UI and scripts can act on, and a message (English, for logs and the
 * detail behind "Visa detaljer") a person can act on. The user reads the catalogue's sentence for
 * the code and its params (src/shared/messages/).
 */
export class KanalarkivError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A failure as it crosses IPC: plain data, since Electron's contextBridge keeps only an Error's message. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

/**
 * The catalogue's keys for a failure's sentence, most exact first: the code's sentence for `what`,
 * the code's own, then the general one. One rule for the UI and the command line.
 */
export function errorMessageKeys(code: string, params: ErrorParams = {}): string[] {
  const groups = ['error', 'handoverError', 'captureError'];
  const exact = params.what === undefined ? [] : groups.map((group) => `${group}.${code}_${params.what}`);
  return [...exact, ...groups.map((group) => `${group}.${code}`), 'error.internal'];
}

/** A failure's sentence in the catalogue of `t` (i18next's t, or the core's messagesIn): the exact one errorMessageKeys finds, with the values it names. */
export function errorSentence(t: (key: string[], values: Record<string, unknown>) => string, code: string, params: ErrorParams = {}, values: Record<string, string> = {}): string {
  // `fields` names Platina settings (platina_values): the sentence names them as the settings form does.
  const fields = typeof params.fields === 'string' ? { fields: params.fields.split(', ').map((f) => t([`handover.settings.platina.${f}`], {})).join(', ') } : {};
  return t(errorMessageKeys(code, params), { platform: '', ...values, ...params, ...fields });
}
