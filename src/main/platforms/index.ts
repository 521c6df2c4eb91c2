import type { Platform } from '../../shared/channel';
import { bluesky } from './bluesky';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import type { PlatformModule } from './platform';
import { threads } from './threads';
import { tiktok } from './tiktok';
import { web } from './web';
import { x } from './x';
import { youtube } from './youtube';

/** Every platform's module, by platform; everything else Kanalarkiv knows of a platform is derived from these. */
export const PLATFORM_MODULES: Record<Platform, PlatformModule> = { facebook, instagram, linkedin, x, youtube, tiktok, bluesky, mastodon, threads, web };

/** The platform a URL's host belongs to, or `web` when it is none of the known ones. */
export function platformOfUrl(url: URL): Platform {
  const host = url.hostname.toLowerCase();
  const found = Object.values(PLATFORM_MODULES).find((m) => m.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
  return found?.platform ?? 'web';
}

export type { PlatformModule };
