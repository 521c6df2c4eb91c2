import { KanalarkivError, type HandoverErrorCode } from '../../shared/errors';

/** Why a handover failed, as a code the UI translates and a message that says what to do. */
export class HandoverError extends KanalarkivError<HandoverErrorCode> {}
