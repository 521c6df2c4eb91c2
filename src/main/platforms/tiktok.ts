import { EXPAND_TEXTS, FEED_WAIT_MS, type PlatformModule } from './platform';

/** TikTok profiles: a grid of videos; logged out, a login modal may cover it. */
export const tiktok: PlatformModule = {
  platform: 'tiktok',
  hosts: ['tiktok.com'],
  loginUrl: 'https://www.tiktok.com/login',
  loginWallSelectors: ['[data-e2e="login-modal"]', '#loginContainer'],
  loginWallTexts: [],
  loginDialogTexts: [],
  dismissSelectors: [],
  loginPaths: [/^\/login(\/|$)/i],
  blockedPaths: [],
  // The slider puzzle, as TikTok scrapers detect it (platforms.md; "captcha_verify_container" in their code).
  blockSelectors: ['.captcha_verify_container', '#captcha-verify-image', '.secsdk-captcha-drag-icon'],
  blockTexts: [],
  consentRulesUrl: null,
  consentPaths: [],
  expandSelectors: [],
  expandTexts: EXPAND_TEXTS,
  postSelector: '[data-e2e="user-post-item"]',
  feedWaitMs: FEED_WAIT_MS,
  loggedOutView: 'partial',
  // TikTok's comments have no links of their own: choose one on the page, or give a selector.
  commentTarget: () => null,
  // Comments are div[class*=CommentItemContainer] (browsertrix-behaviors src/site/tiktok.ts).
  commentSelector: '[class*="CommentItemContainer"], [data-e2e="user-post-item"]',
  authorSelector: '',
  loggedOutDateOrder: true,
};
