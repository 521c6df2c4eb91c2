import type { CaptureErrorCode } from '../../shared/capture';
import { KanalarkivError } from '../../shared/errors';
import { fsProblem } from '../archive/fs-problems';

/** A capture failure with a code scripts and the UI can act on, and a message a person can act on. */
export class CaptureError extends KanalarkivError<CaptureErrorCode> {}

/** Network failures worth one more try: the server or the line dropped us, not a wrong address. */
export const TRANSIENT_CODES: ReadonlySet<CaptureErrorCode> = new Set(['connection_failed']);

const NET_ERRORS: Array<[RegExp, CaptureErrorCode, string]> = [
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/, 'dns_failed', 'The address could not be found (DNS). Check the spelling of the URL and the network connection.'],
  [/ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_FAILED|ERR_ADDRESS_UNREACHABLE|ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ERR_SSL|ERR_CERT/, 'connection_failed', 'The server could not be reached or closed the connection. Check the network and try again later.'],
  [/ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT|Timeout \d+ms exceeded/, 'timeout', 'The page did not answer in time. Try again later, or raise --timeout.'],
  [/ERR_UNSAFE_REDIRECT|ERR_UNSAFE_PORT|ERR_INVALID_URL|ERR_DISALLOWED_URL_SCHEME|ERR_UNKNOWN_URL_SCHEME/, 'invalid_url', 'The address, or a redirect from it, leads somewhere that cannot be captured.'],
];

/** Turns whatever Playwright or Chromium threw into a CaptureError. */
export function toCaptureError(error: unknown): CaptureError {
  if (error instanceof CaptureError) return error;
  const disk = fsProblem(error);
  if (disk) return new CaptureError('archive_unwritable', `The snapshot could not be written: ${disk.message}`);
  const text = error instanceof Error ? error.message : String(error);
  for (const [pattern, code, message] of NET_ERRORS) {
    const match = text.match(pattern);
    if (match) return new CaptureError(code, `${message} (${match[0]})`);
  }
  return new CaptureError('internal', `Unexpected error while capturing: ${text.split('\n')[0]}`);
}
