import { EXPAND_TEXTS, FEED_WAIT_MS, cssValue, type PlatformModule } from './platform';

/** LinkedIn company pages; guests may be sent to the authwall. */
export const linkedin: PlatformModule = {
  platform: 'linkedin',
  hosts: ['linkedin.com', 'lnkd.in'],
  loginUrl: 'https://www.linkedin.com/login',
  loginWallSelectors: ['form.login__form', '.authwall-join-form', 'section.authwall', '#base-contextual-sign-in-modal'],
  loginWallTexts: [],
  loginDialogTexts: [],
  // The guest sign-in modal can be dismissed (platforms.md).
  dismissSelectors: ['#base-contextual-sign-in-modal button.modal__dismiss'],
  // Guests are sent to /authwall on any of LinkedIn's hosts (platforms.md).
  loginPaths: [/^\/(authwall|login|uas\/login|checkpoint)(\/|$)/i],
  blockedPaths: [],
  blockSelectors: [],
  blockTexts: [],
  consentRulesUrl: null,
  consentPaths: [],
  expandSelectors: ['button.show-more-less-text__button--more', 'button.see-more', 'button.feed-shared-inline-show-more-text__see-more-less-toggle', 'button.comments-comments-list__load-more-comments-button'],
  expandTexts: EXPAND_TEXTS,
  // Logged in, posts carry data-urn; a guest page has other markup, with data-id (platforms.md, "LinkedIn guest").
  postSelector: ':is([data-urn*="urn:li:activity"], [data-id*="urn:li:activity"], .feed-shared-update-v2):not([data-urn*="urn:li:activity"] *, [data-id*="urn:li:activity"] *)',
  feedWaitMs: FEED_WAIT_MS,
  loggedOutView: 'partial',
  // A comment link carries ?commentUrn=urn:li:comment:(activity:…,<id>); the comment carries that urn in data-id.
  commentTarget: (url) => {
    const urn = url.searchParams.get('commentUrn') ?? url.searchParams.get('replyUrn');
    if (urn) return { element: `[data-id="${cssValue(urn)}"]` };
    return url.pathname.includes('/feed/update/') || url.pathname.includes('/posts/') ? { element: '[data-urn*="urn:li:activity"], [data-id*="urn:li:activity"]' } : null;
  },
  commentSelector: '[data-id*="urn:li:comment"], [data-urn*="urn:li:activity"], [data-id*="urn:li:activity"]',
  authorSelector: '',
  loggedOutDateOrder: true,
};
