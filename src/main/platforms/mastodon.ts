import { EXPAND_TEXTS, FEED_WAIT_MS, type PlatformModule } from './platform';

/**
 * Mastodon accounts. Every server is its own host: the best-known ones are listed, and a channel on
 * any other server is marked `mastodon` in the channel list. Public to a logged-out reader.
 */
export const mastodon: PlatformModule = {
  platform: 'mastodon',
  hosts: ['mastodon.social', 'mastodon.online', 'mastodon.nu'],
  loginUrl: 'https://mastodon.social/auth/sign_in',
  loginWallSelectors: [],
  loginWallTexts: [],
  loginDialogTexts: [],
  dismissSelectors: [],
  // Mastodon's own sign-in page, on whichever server the channel is.
  loginPaths: [/^\/auth\/sign_in(\/|$)/i],
  blockedPaths: [],
  blockSelectors: [],
  blockTexts: [],
  // A content warning hides a toot's text behind a "Show more" button (matched by EXPAND_TEXTS).
  consentRulesUrl: null,
  consentPaths: [],
  expandSelectors: ['button.status__content__spoiler-link'],
  expandTexts: EXPAND_TEXTS,
  // Each toot in a timeline is an <article> with data-id and aria-posinset
  // (mastodon/mastodon, app/javascript/mastodon/components/intersection_observer_article.jsx).
  postSelector: 'article[data-id][aria-posinset]',
  feedWaitMs: FEED_WAIT_MS,
  loggedOutView: 'complete',
  // A toot's link is /@<account>/<id>; the toot carries its id in data-id (intersection_observer_article.jsx).
  commentTarget: (url) => {
    const match = /^\/@[^/]+\/(\d+)\/?$/.exec(url.pathname);
    return match ? { element: `article[data-id="${match[1]}"]` } : null;
  },
  commentSelector: 'article[data-id]',
  authorSelector: '',
  loggedOutDateOrder: true,
};
