import type { PlatformModule } from '../platforms';
import { CaptureError } from './errors';
import type { Barrier } from './page/api';

/**
 * How a platform turns a visitor away, and what the user can do about it: a login page (log in with
 * Kanalarkiv), a bot check or a refusal (`blocked`: try later, or log in), a rate limit (wait as the
 * server asks, once), or a page that is not there. browsertrix-crawler's docs on rate limits: 403,
 * 429 and 503 are blocks and limits more often than missing pages.
 */

/** Whether an address is a consent page the platform puts before its channels (YouTube's consent.youtube.com/m). */
export function onConsentPage(url: string, platformModule: PlatformModule): boolean {
  return platformModule.consentPaths.some((p) => p.test(new URL(url).pathname));
}

export function consentRequired(platformModule: PlatformModule): CaptureError {
  return new CaptureError(
    'consent_required',
    `${where(platformModule)} showed a cookie consent page that could not be declined, so the channel did not show. Try again later, or open it with "kanalarkiv login ${platformModule.platform}", answer the question there, and capture again.`,
  );
}

/** The longest Retry-After we wait for within one channel; a longer one ends the channel as blocked. */
export const MAX_RETRY_AFTER_MS = 30_000;

const where = (platformModule: PlatformModule) => (platformModule.platform === 'web' ? 'the site' : platformModule.platform);

export function loginRequired(platformModule: PlatformModule): CaptureError {
  return new CaptureError('login_required', `The page shows a login wall instead of the channel. Log in to ${where(platformModule)} with "kanalarkiv login ${platformModule.platform}" and capture again.`);
}

/** What a person can do about a platform that will not serve us: log in, where the platform has logins. */
const logInHint = (platformModule: PlatformModule, text: string) => (platformModule.platform === 'web' ? '' : text);

export function botCheck(platformModule: PlatformModule): CaptureError {
  const hint = logInHint(platformModule, `; if it stays, open ${platformModule.platform} once with "kanalarkiv login ${platformModule.platform}" and capture again`);
  return new CaptureError('blocked', `${platformModule.platform === 'web' ? 'The site' : platformModule.platform} showed a bot check (a captcha or a challenge) instead of the channel. Try again later${hint}.`);
}

/** How long a Retry-After header (seconds, or an HTTP date) asks to wait, in ms; 5 s when it says nothing usable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number {
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(date) ? 5_000 : Math.max(0, date - now);
}

/** The failure an HTTP status means, or null when the page was served. */
export function statusFailure(status: number, statusText: string, platformModule: PlatformModule, waitMs?: number): CaptureError | null {
  if (status === 401 || status === 407) return loginRequired(platformModule);
  if (status === 429) {
    const asked = waitMs !== undefined && waitMs > MAX_RETRY_AFTER_MS ? ` and asks to wait ${Math.ceil(waitMs / 60_000)} min` : '';
    return new CaptureError('blocked', `The server is limiting requests (HTTP 429)${asked}. Capture this channel again later; channels of one platform are best captured one at a time (--concurrency 1).`);
  }
  if (status === 403) {
    const hint = logInHint(platformModule, ` ("kanalarkiv login ${platformModule.platform}")`);
    return new CaptureError('blocked', `The server refused access (HTTP 403). The channel may be visible only when logged in${hint}, or the server blocks automated visitors; try again later.`);
  }
  if (status === 503) return new CaptureError('http_error', 'The server is temporarily unavailable (HTTP 503). Try again later.');
  if (status >= 400) return new CaptureError('http_error', `The server answered HTTP ${status} ${statusText}`.trim() + '. Check that the channel still exists at this address.');
  return null;
}

/** The failure a final address means (a login page, a challenge), judged by its path on any host. */
export function addressFailure(url: string, platformModule: PlatformModule): CaptureError | null {
  const { pathname } = new URL(url);
  if (platformModule.loginPaths.some((p) => p.test(pathname))) return loginRequired(platformModule);
  if (platformModule.blockedPaths.some((p) => p.test(pathname))) return botCheck(platformModule);
  return null;
}

/** The failure a barrier means; a dialog still closing after the tries allowed is a wall. */
export function barrierFailure(barrier: Barrier, platformModule: PlatformModule): CaptureError | null {
  if (barrier === 'login' || barrier === 'closing') return loginRequired(platformModule);
  if (barrier === 'blocked') return botCheck(platformModule);
  return null;
}
