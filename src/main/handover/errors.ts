/** Why a handover failed, as a code the UI translates and a message that says what to do. */
export type HandoverErrorCode =
  | 'not-found'
  | 'damaged'
  | 'settings'
  | 'target-exists'
  | 'unreachable'
  | 'signed-out'
  | 'rejected'
  | 'cancelled';

export class HandoverError extends Error {
  constructor(
    readonly code: HandoverErrorCode,
    message: string,
  ) {
    super(message);
  }
}
