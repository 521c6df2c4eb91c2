import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Platform } from '../../shared/channel';
import { browserArgs, type BrowserChoice } from './browser';
import { CaptureError } from './errors';
import { CAPTURE_PROFILE } from './profile';

/** Context options that make every capture look at the page the same way: the capture profile. */
export const CONTEXT_OPTIONS: BrowserContextOptions = {
  viewport: { ...CAPTURE_PROFILE.viewport },
  deviceScaleFactor: CAPTURE_PROFILE.deviceScaleFactor,
  locale: CAPTURE_PROFILE.locale,
  timezoneId: CAPTURE_PROFILE.timezoneId,
  reducedMotion: CAPTURE_PROFILE.reducedMotion,
  colorScheme: CAPTURE_PROFILE.colorScheme,
  acceptDownloads: false,
  // Service workers can answer from their own cache; the snapshot must show what the server sends now.
  serviceWorkers: 'block',
};

/**
 * Headless, with our switches. Ctrl-C and termination are ours to handle (cancel, discard unfinished
 * snapshots, close the browsers): Playwright must not kill the browsers under running captures.
 */
const LAUNCH_OPTIONS = {
  headless: true,
  args: browserArgs(),
  // Without --enable-automation, navigator.webdriver is false, as browsertrix-crawler launches it (src/util/browser.ts).
  ignoreDefaultArgs: ['--enable-automation'],
  handleSIGINT: false,
  handleSIGTERM: false,
  handleSIGHUP: false,
};

/** Where the logged-in browser profile of a platform lives. */
export function profileDir(profilesRoot: string, platform: Platform): string {
  return path.join(profilesRoot, platform);
}

export interface CapturePage {
  page: Page;
  /** Whether the page has the platform's login profile (its session cookies). */
  loggedIn: boolean;
  close(): Promise<void>;
}

/**
 * The browsers of one capture run. Channels of platforms the user has logged in to share that
 * platform's persistent profile (so the session cookies are used); all others get a fresh, empty
 * context in one shared browser, so nothing leaks from one channel to the next.
 */
export class CaptureSession {
  private shared: Promise<Browser> | null = null;
  private agent: Promise<string> | null = null;
  private readonly persistent = new Map<Platform, Promise<BrowserContext>>();

  constructor(
    readonly browser: BrowserChoice,
    private readonly profilesRoot: string | null,
    /** A window the user sees and points in ("Välj på sidan"), instead of headless. */
    private readonly visible = false,
  ) {}

  /** Starts the browser now, ahead of the first page; a failure to start shows at that page. */
  warmUp(): void {
    this.userAgent().catch(() => undefined);
  }

  async newPage(platform: Platform): Promise<CapturePage> {
    const dir = this.profilesRoot ? profileDir(this.profilesRoot, platform) : null;
    const userAgent = await this.userAgent();
    if (dir && existsSync(dir)) {
      let context = this.persistent.get(platform);
      if (!context) {
        context = launch(() => chromium.launchPersistentContext(dir, { ...CONTEXT_OPTIONS, ...LAUNCH_OPTIONS, headless: !this.visible, userAgent, executablePath: this.browser.executablePath }));
        this.persistent.set(platform, context);
      }
      const page = await (await context).newPage();
      return { page, loggedIn: true, close: () => page.close() };
    }
    const context = await (await this.sharedBrowser()).newContext({ ...CONTEXT_OPTIONS, userAgent });
    const page = await context.newPage();
    return { page, loggedIn: false, close: () => context.close() };
  }

  /**
   * The browser's own user agent without the "HeadlessChrome" that headless mode puts in it: sites
   * such as Instagram send a visitor that announces automation to a login page. Crawlers do the same
   * (browsertrix-crawler's getDefaultUA, src/util/browser.ts). Records state the agent used.
   */
  private userAgent(): Promise<string> {
    this.agent ??= this.sharedBrowser().then(async (browser) => {
      const cdp = await browser.newBrowserCDPSession();
      const { userAgent } = await cdp.send('Browser.getVersion');
      await cdp.detach().catch(() => undefined);
      return userAgent.replace(/HeadlessChrome\//, 'Chrome/');
    });
    return this.agent;
  }

  private sharedBrowser(): Promise<Browser> {
    this.shared ??= launch(() => chromium.launch({ ...LAUNCH_OPTIONS, headless: !this.visible, executablePath: this.browser.executablePath }));
    return this.shared;
  }

  async close(): Promise<void> {
    const closing: Array<Promise<unknown>> = [];
    if (this.shared) closing.push(this.shared.then((b) => b.close()).catch(() => undefined));
    for (const context of this.persistent.values()) closing.push(context.then((c) => c.close()).catch(() => undefined));
    await Promise.all(closing);
  }
}

async function launch<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const text = (error as Error).message.split('\n')[0];
    throw new CaptureError('browser_missing', `The browser could not be started (${text}). Check the browser path, or install Edge, Chrome or Chromium.`);
  }
}
