import type { CaptureErrorCode } from './capture';

/** Why a handover failed: each is explained to the registrar with what to do. */
export const HANDOVER_ERROR_CODES = ['not_found', 'damaged', 'settings', 'target_exists', 'unreachable', 'signed_out', 'rejected', 'cancelled', 'log_broken', 'busy'] as const;
export type HandoverErrorCode = (typeof HANDOVER_ERROR_CODES)[number];

/**
 * Why the archive's shared channel register or settings could not be read or changed: someone else
 * changed the channel first, the file is damaged or from a newer Kanalarkiv, another writer holds it;
 * or the municipality's list page could not be fetched.
 */
export const REGISTER_ERROR_CODES = ['register_changed', 'register_unreadable', 'register_too_new', 'register_busy', 'not_registered', 'settings_unreadable', 'website_unreachable'] as const;
export type RegisterErrorCode = (typeof REGISTER_ERROR_CODES)[number];

/** Why a call from the UI was not answered: refused sender, bad arguments, or a failure with no code of its own. */
export const API_ERROR_CODES = ['forbidden', 'invalid_arguments', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Every code the core returns; the UI and the CLI say each in the user's language. */
export type ErrorCode = CaptureErrorCode | HandoverErrorCode | RegisterErrorCode | ApiErrorCode;

/** A failure with a code the UI and scripts can act on, and a message (English, for logs) a person can act on. */
export class KanalarkivError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A failure as it crosses IPC: plain data, since Electron's contextBridge keeps only an Error's message. */
export interface ApiError {
  code: ErrorCode;
  message: string;
}
