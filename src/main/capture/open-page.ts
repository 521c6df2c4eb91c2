import type { Page, Response } from 'playwright-core';
import type { CaptureWarning } from '../../shared/capture-warnings';
import { captureWarning } from '../../shared/capture-warnings';
import type { Platform } from '../../shared/channel';
import type { PlatformModule } from '../platforms';
import { PLATFORM_NAMES } from '../platforms/names';
import { MAX_RETRY_AFTER_MS, addressFailure, barrierFailure, consentRequired, onConsentPage, retryAfterMs, statusFailure } from './access';
import { ConsentHandler, type ConsentOutcome } from './consent';
import { CaptureError } from './errors';
import { NetworkMonitor } from './network';
import { helpers, putHelpers } from './page-helpers';
import type { Timings } from './timings';

export interface OpenOptions {
  platformModule: PlatformModule;
  /** The whole capture's time; loading may take part of it. */
  timeoutMs: number;
  timings: Timings;
  signal?: AbortSignal;
  /** What the page must show before it is looked at: the feed's first post, or the saved comment. */
  waitFor: string;
  onStage: (stage: 'loading' | 'consent') => void;
}

export interface OpenedPage {
  network: NetworkMonitor;
  /** Where the page is once redirects and a consent page are behind it, and the status it came with. */
  finalUrl: string;
  httpStatus: number;
  consent: ConsentOutcome;
  warnings: CaptureWarning[];
}

/**
 * Opens a page as a capture needs it: loaded, its cookie banner declined (on a consent page of the
 * platform's own too), the page helpers in it, quiet, and no wall, bot check or blank page in the
 * way; each of those throws the CaptureError that says what to do. Channel snapshots and saved
 * comments open their pages alike.
 */
export async function openPage(page: Page, url: string, options: OpenOptions): Promise<OpenedPage> {
  const { platformModule, timeoutMs, timings, signal } = options;
  const warnings: CaptureWarning[] = [];
  const network = new NetworkMonitor(page);
  const consent = await ConsentHandler.attach(page, { rulesUrl: platformModule.consentRulesUrl, hosts: [...platformModule.hosts, new URL(url).hostname] });
  // Navigations of the main frame, and the response that brought its current document.
  let navigations = 0;
  let mainResponse: Response | null = null;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) mainResponse = r;
  });
  options.onStage('loading');
  const navigationTimeout = Math.max(5_000, timeoutMs * 0.4);
  const loadStart = performance.now();
  const open = () => page.goto(url, { waitUntil: 'domcontentloaded', timeout: navigationTimeout });
  let response = await open();
  let waitMs: number | undefined;
  if (response?.status() === 429) {
    // A rate limit: wait as long as the server asks, once, if that fits in the channel's time.
    waitMs = retryAfterMs(response.headers()['retry-after']);
    if (waitMs <= MAX_RETRY_AFTER_MS && waitMs < timeoutMs * 0.3) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      response = await open();
    }
  }
  let finalUrl = page.url();
  if (!/^https?:/.test(finalUrl)) {
    throw new CaptureError('invalid_url', `The address led to "${finalUrl.slice(0, 80)}", which is not a web page. Check the channel's URL.`);
  }
  let httpStatus = response?.status() ?? 0;
  const turnedAway = statusFailure(httpStatus, response?.statusText() ?? '', platformModule, waitMs) ?? addressFailure(finalUrl, platformModule);
  if (turnedAway) throw turnedAway;

  await consent.start();
  try {
    await page.waitForLoadState('load', { timeout: Math.min(15_000, navigationTimeout) });
  } catch {
    warnings.push(captureWarning('not_loaded'));
  }
  timings.add('load', performance.now() - loadStart);
  const settleStart = performance.now();
  const helper = helpers(page);
  const install = () => installHelpers(page, platformModule, navigationTimeout);
  const settle = () => Promise.all([helper.waitQuiet(300, 4000).catch(() => undefined), network.quiet(250, 4_000, 2_000, signal)]);
  await install();
  const installedAt = navigations;
  options.onStage('consent');
  const [consentOutcome] = await Promise.all([consent.settle(6_000), settle()]);
  if (onConsentPage(page.url(), platformModule)) {
    // Declining on a consent page of its own (YouTube's consent.youtube.com) sends the browser back to the channel.
    await page.waitForURL((url) => !onConsentPage(url.href, platformModule), { timeout: CONSENT_RETURN_MS, waitUntil: 'domcontentloaded' }).catch(() => undefined);
    if (onConsentPage(page.url(), platformModule)) throw consentRequired(platformModule);
  }
  if (navigations > installedAt) {
    // The consent answer loaded another document (the channel after a consent page, or a reload):
    // the helpers went with the old one, and the address and status are the new page's.
    await page.waitForLoadState('load', { timeout: Math.min(15_000, navigationTimeout) }).catch(() => undefined);
    await install();
    await settle();
    finalUrl = page.url();
    httpStatus = (mainResponse as Response | null)?.status() ?? httpStatus;
    const after = statusFailure(httpStatus, '', platformModule) ?? addressFailure(finalUrl, platformModule);
    if (after) throw after;
  }
  if (consentOutcome.optedOut === false) {
    warnings.push(captureWarning('consent_failed', { cmp: consentOutcome.cmp ?? '' }));
  }
  if (platformModule.feedWaitMs > 0) {
    await helper.firstPost(options.waitFor, platformModule.feedWaitMs);
  }
  await passBarrier(page, platformModule);
  if (await helper.isBlank()) {
    throw new CaptureError('blank_page', 'The page loaded but shows nothing (no text and no images). Check the address, or capture again later.');
  }

  timings.add('settle', performance.now() - settleStart);
  return { network, finalUrl, httpStatus, consent: consentOutcome, warnings };
}

/**
 * Throws the failure a wall or a bot check in the page means; a closable login dialog is closed
 * (a few times at most) and the page looked at again.
 */
export async function passBarrier(page: Page, platformModule: PlatformModule): Promise<void> {
  const helper = helpers(page);
  let barrier = await helper.barrier();
  for (let tries = 0; barrier === 'closing' && tries < 3; tries++) {
    // A closable login dialog was closed: look again once the page has taken it away.
    await helper.waitQuiet(200, 2000);
    barrier = await helper.barrier();
  }
  const barred = barrierFailure(barrier, platformModule);
  if (barred) throw barred;
}

/** Whether a page opened with the platform's login profile was seen logged in: it never showed its login dialog. */
export async function sessionHeld(page: Page, loggedIn: boolean): Promise<boolean> {
  return loggedIn && (await helpers(page).loginDialogsClosed()) === 0;
}

/**
 * What the record says of the login: a saved login that no longer holds (the page showed its login
 * dialog though the platform's profile was used); logged out, a view that shows only part of the
 * channel (`partialView`), and the login dialogs closed over the page.
 */
export async function loginWarnings(page: Page, loggedIn: boolean, platform: Platform, partialView: boolean): Promise<CaptureWarning[]> {
  const closed = await helpers(page).loginDialogsClosed();
  if (loggedIn) return closed > 0 ? [loginWarning('login_expired', platform)] : [];
  return [
    ...(partialView ? [loginWarning('logged_out', platform)] : []),
    ...(closed > 0 ? [captureWarning('login_dialog_closed', { platform: PLATFORM_NAMES[platform] ?? platform, count: closed })] : []),
  ];
}

/** The warning that a page was seen without a login (`logged_out`) or with one that has run out, naming the command that logs in. */
function loginWarning(code: 'logged_out' | 'login_expired', platform: Platform): CaptureWarning {
  return captureWarning(code, { platform: PLATFORM_NAMES[platform] ?? platform, command: `kanalarkiv login ${platform}` });
}

/** How long the browser may take to come back to the channel from a consent page once it has been answered. */
const CONSENT_RETURN_MS = 10_000;

/**
 * Puts the page helpers into the current document. A document that is being replaced (a consent
 * answer that reloads) cannot take them; they go into the one that follows.
 */
async function installHelpers(page: Page, platformModule: PlatformModule, timeoutMs: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await putHelpers(page, platformModule);
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
      await page.waitForLoadState('load', { timeout: Math.min(15_000, timeoutMs) }).catch(() => undefined);
    }
  }
}
