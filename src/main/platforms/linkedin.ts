import { EXPAND_TEXTS, type PlatformModule } from './platform';

/** LinkedIn company pages; guests may be sent to the authwall. */
export const linkedin: PlatformModule = {
  platform: 'linkedin',
  hosts: ['linkedin.com', 'lnkd.in'],
  loginUrl: 'https://www.linkedin.com/login',
  loginWallSelectors: ['form.login__form', '.authwall-join-form', 'section.authwall'],
  loginUrlPatterns: [/linkedin\.com\/(authwall|login|uas\/login|checkpoint)/i],
  expandSelectors: ['button.see-more', 'button.feed-shared-inline-show-more-text__see-more-less-toggle', 'button.comments-comments-list__load-more-comments-button'],
  expandTexts: EXPAND_TEXTS,
  postSelector: '[data-urn*="activity"], .feed-shared-update-v2',
};
