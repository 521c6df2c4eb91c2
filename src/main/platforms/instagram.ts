import { EXPAND_TEXTS, type PlatformModule } from './platform';

/** Instagram profiles: a grid of posts; logged out, a login dialog or the login page. */
export const instagram: PlatformModule = {
  platform: 'instagram',
  hosts: ['instagram.com', 'instagr.am'],
  loginUrl: 'https://www.instagram.com/accounts/login/',
  loginWallSelectors: ['form#loginForm', 'input[name="username"][aria-label]', 'div[role="dialog"] a[href*="/accounts/login"]'],
  dismissSelectors: [],
  // Headless visitors are sent to /accounts/login/ (platforms.md); a suspected bot to /challenge/ (instaloader's "checkpoint required").
  loginPaths: [/^\/accounts\/login(\/|$)/i],
  blockedPaths: [/^\/challenge(\/|$)/i],
  blockSelectors: [],
  expandSelectors: [],
  expandTexts: EXPAND_TEXTS,
  postSelector: 'article, a[href*="/p/"], a[href*="/reel/"]',
  loggedOutView: 'partial',
  loggedOutDateOrder: true,
};
