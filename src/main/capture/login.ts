import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import type { Platform } from '../../shared/channel';
import { PLATFORM_MODULES } from '../platforms';
import { browserArgs, type BrowserChoice } from './browser';
import { CaptureError } from './errors';
import { CONTEXT_OPTIONS, profileDir } from './session';

/**
 * Opens a visible browser window with the platform's persistent profile, at its login page, so the
 * user can log in (two-factor authentication included). Resolves when the user closes the window;
 * later captures of that platform reuse the profile's session cookies, headless. No password is
 * ever seen or stored by Kanalarkiv.
 */
export async function openLoginWindow(platform: Platform, browser: BrowserChoice, profilesRoot: string, url = PLATFORM_MODULES[platform].loginUrl): Promise<string> {
  const dir = profileDir(profilesRoot, platform);
  await mkdir(dir, { recursive: true });
  // A window the user can resize: no fixed viewport, so no fixed scale either.
  const { viewport, deviceScaleFactor, ...windowOptions } = CONTEXT_OPTIONS;
  let context;
  try {
    context = await chromium.launchPersistentContext(dir, {
      ...windowOptions,
      viewport: null,
      headless: false,
      executablePath: browser.executablePath,
      args: browserArgs(),
    });
  } catch (error) {
    const first = (error as Error).message.split('\n')[0];
    throw new CaptureError('browser_missing', `The login window could not be opened (${first}). Close other windows using this profile, and check that a display is available.`);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url).catch(() => undefined);
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  return dir;
}
