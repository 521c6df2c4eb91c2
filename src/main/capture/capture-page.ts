import type { Platform } from '../../shared/channel';
import { CaptureError, toCaptureError } from './errors';
import type { CapturePage, CaptureSession } from './session';
import type { Timings } from './timings';

export interface PageLimits {
  timeoutMs: number;
  signal?: AbortSignal;
  timings: Timings;
  /** What is captured, for the timeout's message: "The channel did not finish …". */
  what: 'channel' | 'comment';
}

/**
 * Runs `work` on a new page of the platform's browser under a hard deadline: whatever the page
 * does, the capture ends in time, and cancelling ends it at once. The page is closed afterwards.
 */
export async function withCapturePage<T>(session: CaptureSession, platform: Platform, limits: PageLimits, work: (page: CapturePage) => Promise<T>): Promise<T> {
  const { signal, timeoutMs } = limits;
  const opened = await limits.timings.time('open', () => session.newPage(platform));
  let timedOut = false;
  // Closing makes every pending browser call fail at once; those failures are handled where awaited.
  const abandon = () => void opened.close().catch(() => undefined);
  const timer = setTimeout(() => {
    timedOut = true;
    abandon();
  }, timeoutMs);
  signal?.addEventListener('abort', abandon);
  try {
    return await work(opened);
  } catch (error) {
    if (signal?.aborted) throw new CaptureError('cancelled', 'The capture was cancelled.');
    const what = limits.what === 'channel' ? 'The channel' : 'The comment';
    if (timedOut) throw new CaptureError('timeout', `${what} did not finish within ${Math.round(timeoutMs / 1000)} s. Try again later, or raise the timeout.`);
    throw toCaptureError(error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abandon);
    await opened.close().catch(() => undefined);
  }
}
