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
const LAUNCH_OPTIONS = { headless: true, args: browserArgs(), handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false };

/** Where the logged-in browser profile of a platform lives. */
export function profileDir(profilesRoot: string, platform: Platform): string {
  return path.join(profilesRoot, platform);
}

export interface CapturePage {
  page: Page;
  close(): Promise<void>;
}

/**
 * The browsers of one capture run. Channels of platforms the user has logged in to share that
 * platform's persistent profile (so the session cookies are used); all others get a fresh, empty
 * context in one shared browser, so nothing leaks from one channel to the next.
 */
export class CaptureSession {
  private shared: Promise<Browser> | null = null;
  private readonly persistent = new Map<Platform, Promise<BrowserContext>>();

  constructor(
    readonly browser: BrowserChoice,
    private readonly profilesRoot: string | null,
  ) {}

  async newPage(platform: Platform): Promise<CapturePage> {
    const dir = this.profilesRoot ? profileDir(this.profilesRoot, platform) : null;
    if (dir && existsSync(dir)) {
      let context = this.persistent.get(platform);
      if (!context) {
        context = launch(() => chromium.launchPersistentContext(dir, { ...CONTEXT_OPTIONS, ...LAUNCH_OPTIONS, executablePath: this.browser.executablePath }));
        this.persistent.set(platform, context);
      }
      const page = await (await context).newPage();
      return { page, close: () => page.close() };
    }
    this.shared ??= launch(() => chromium.launch({ ...LAUNCH_OPTIONS, executablePath: this.browser.executablePath }));
    const context = await (await this.shared).newContext(CONTEXT_OPTIONS);
    const page = await context.newPage();
    return { page, close: () => context.close() };
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
