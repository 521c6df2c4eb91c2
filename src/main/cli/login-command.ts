import { PLATFORMS, type Platform } from '../../shared/channel';
import { findBrowser } from '../capture/browser';
import { CaptureError } from '../capture/errors';
import { openLoginWindow } from '../capture/login';
import { defaultProfilesRoot } from '../paths';
import { EXIT, parseOptions, UsageError, type Io } from './options';

export async function loginCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, { browser: { type: 'string' }, profiles: { type: 'string' } }, true);
  const platform = positionals[0];
  if (!platform || !(PLATFORMS as readonly string[]).includes(platform) || positionals.length > 1) {
    throw new UsageError(`login needs one platform: ${PLATFORMS.join(', ')}.`);
  }
  try {
    const browser = findBrowser(values.browser);
    io.err(`A ${browser.kind} window opens. Log in to ${platform} there (with two-factor authentication if asked), then close the window.\n`);
    const dir = await openLoginWindow(platform as Platform, browser, values.profiles ?? defaultProfilesRoot());
    io.err(`Saved the ${platform} session in ${dir}. Captures of ${platform} channels now use it.\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error;
    io.err(`kanalarkiv login: ${error.message}\n`);
    return EXIT.usage;
  }
}
