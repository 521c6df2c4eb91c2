import type { Platform } from '../../shared/channel';

/** Hosts that belong to each social platform; anything else is `web`. */
const PLATFORM_HOSTS: Record<Exclude<Platform, 'web'>, string[]> = {
  facebook: ['facebook.com', 'fb.com', 'fb.me'],
  instagram: ['instagram.com', 'instagr.am'],
  linkedin: ['linkedin.com', 'lnkd.in'],
  x: ['x.com', 'twitter.com'],
  youtube: ['youtube.com', 'youtu.be'],
  tiktok: ['tiktok.com'],
};

/** The platform a URL's host belongs to, or `web` when it is none of the known ones. */
export function platformOfUrl(url: URL): Platform {
  const host = url.hostname.toLowerCase();
  for (const [platform, hosts] of Object.entries(PLATFORM_HOSTS)) {
    if (hosts.some((h) => host === h || host.endsWith(`.${h}`))) return platform as Platform;
  }
  return 'web';
}

/** Where a person logs in to a platform, for `kanalarkiv login`. */
export const LOGIN_URLS: Record<Platform, string> = {
  facebook: 'https://www.facebook.com/login',
  instagram: 'https://www.instagram.com/accounts/login/',
  linkedin: 'https://www.linkedin.com/login',
  x: 'https://x.com/i/flow/login',
  youtube: 'https://accounts.google.com/ServiceLogin?service=youtube',
  tiktok: 'https://www.tiktok.com/login',
  web: 'about:blank',
};
