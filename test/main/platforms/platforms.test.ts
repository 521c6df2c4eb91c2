import { describe, expect, it } from 'vitest';
import { PLATFORM_MODULES, platformOfUrl } from '../../../src/main/platforms';
import { PLATFORMS } from '../../../src/shared/channel';

describe('platform modules', () => {
  it('has one module per platform of the contract, each naming its own platform', () => {
    expect(Object.keys(PLATFORM_MODULES).sort()).toEqual([...PLATFORMS].sort());
    for (const [key, module] of Object.entries(PLATFORM_MODULES)) expect(module.platform).toBe(key);
  });

  it('gives every social platform hosts and an https login page, and no two platforms the same host', () => {
    const hosts = Object.values(PLATFORM_MODULES).flatMap((m) => m.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const m of Object.values(PLATFORM_MODULES).filter((m) => m.platform !== 'web')) {
      expect(m.hosts.length).toBeGreaterThan(0);
      expect(new URL(m.loginUrl).protocol).toBe('https:');
    }
  });

  it.each([
    ['https://www.facebook.com/umeakommun', 'facebook'],
    ['https://sv-se.facebook.com/umeakommun', 'facebook'],
    ['https://twitter.com/umea', 'x'],
    ['https://youtu.be/abc', 'youtube'],
    ['https://bsky.app/profile/umea.se', 'bluesky'],
    ['https://mastodon.nu/@umeakommun', 'mastodon'],
    ['https://www.threads.com/@umeakommun', 'threads'],
    ['https://www.threads.net/@umeakommun', 'threads'],
    ['https://notfacebook.com/', 'web'],
    ['https://www.umea.se/', 'web'],
  ])('knows %s as %s', (url, platform) => {
    expect(platformOfUrl(new URL(url))).toBe(platform);
  });
});
