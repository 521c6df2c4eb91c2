import { PLATFORMS, type Platform } from '../../shared/channel';
import { findBrowser } from '../capture/browser';
import { CaptureError } from '../capture/errors';
import { openLoginWindow } from '../capture/login';
import { defaultProfilesRoot } from '../paths';
import { failureText } from './messages';
import { EXIT, parseOptions, UsageError, type Io } from './options';

export async function loginCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, { browser: { type: 'string' }, profiles: { type: 'string' } }, true);
  const { t } = io;
  const platform = positionals[0];
  if (!platform || !(PLATFORMS as readonly string[]).includes(platform) || positionals.length > 1) {
    throw new UsageError(t('cli.loginPlatform', { platforms: PLATFORMS.filter((p) => p !== 'web').join(', ') }));
  }
  try {
    const browser = findBrowser(values.browser);
    io.err(t('cli.loginOpens', { browser: browser.kind, platform: t(`platform.${platform}`) }));
    const dir = await openLoginWindow(platform as Platform, browser, values.profiles ?? defaultProfilesRoot());
    io.err(t('cli.loginSaved', { platform: t(`platform.${platform}`), dir }));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error;
    io.err(`kanalarkiv login: ${failureText(t, error)}\n`);
    return EXIT.usage;
  }
}
