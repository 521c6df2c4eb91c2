import { EXPAND_TEXTS, type PlatformModule } from './platform';

/** Facebook pages. Logged out, Facebook shows a login form in a dialog over the page. */
export const facebook: PlatformModule = {
  platform: 'facebook',
  hosts: ['facebook.com', 'fb.com', 'fb.me'],
  loginUrl: 'https://www.facebook.com/login',
  loginWallSelectors: ['form#login_popup_cta_form', '[data-testid="royal_login_form"]', 'form[action*="/login/"] input[name="pass"]'],
  // The logged-out dialog over a page can be closed (platforms.md); its close button is labelled in the page's language.
  dismissSelectors: ['div[role="dialog"] [role="button"][aria-label="Stäng"]', 'div[role="dialog"] [role="button"][aria-label="Close"]'],
  loginPaths: [/^\/(login|checkpoint)(\/|\.php|$)/i],
  blockedPaths: [],
  blockSelectors: [],
  expandSelectors: [],
  expandTexts: EXPAND_TEXTS,
  postSelector: '[role="article"]',
  loggedOutView: 'partial',
  loggedOutDateOrder: true,
};
