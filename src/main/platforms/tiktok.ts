import { EXPAND_TEXTS, type PlatformModule } from './platform';

/** TikTok profiles: a grid of videos; logged out, a login modal may cover it. */
export const tiktok: PlatformModule = {
  platform: 'tiktok',
  hosts: ['tiktok.com'],
  loginUrl: 'https://www.tiktok.com/login',
  loginWallSelectors: ['[data-e2e="login-modal"]', '#loginContainer'],
  loginUrlPatterns: [/tiktok\.com\/login/i],
  expandSelectors: [],
  expandTexts: EXPAND_TEXTS,
  postSelector: '[data-e2e="user-post-item"]',
};
