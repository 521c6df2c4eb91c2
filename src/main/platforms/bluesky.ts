import { EXPAND_TEXTS, FEED_WAIT_MS, cssValue, pathId, type PlatformModule } from './platform';

/** Bluesky profiles on bsky.app: public, unless the account asks for signed-in readers only. */
export const bluesky: PlatformModule = {
  platform: 'bluesky',
  hosts: ['bsky.app'],
  loginUrl: 'https://bsky.app/',
  loginWallSelectors: [],
  // An account that hides itself from logged-out readers shows a screen with this title and no
  // test id (bluesky-social/social-app, src/components/moderation/ScreenHider.tsx, "!no-unauthenticated").
  // ScreenHider's title, in English and as Bluesky's Swedish catalogue has it (bluesky-social/social-app,
  // src/locale/locales/sv/messages.po: "Sign-in Required" → "Inloggning krävs").
  loginWallTexts: [/^Sign-in Required$/i, /^Inloggning krävs$/i],
  loginDialogTexts: [],
  dismissSelectors: [],
  loginPaths: [],
  blockedPaths: [],
  blockSelectors: [],
  blockTexts: [],
  consentRulesUrl: null,
  consentPaths: [],
  expandSelectors: [],
  expandTexts: EXPAND_TEXTS,
  // Each feed item is a link with the testID feedItem-by-<handle> (social-app, src/view/com/posts/PostFeedItem.tsx).
  postSelector: '[data-testid^="feedItem-by-"]',
  feedWaitMs: FEED_WAIT_MS,
  // platforms.md: public to a logged-out reader, newest first.
  loggedOutView: 'complete',
  // A post link is /profile/<handle>/post/<id>; in the thread each post has the testID
  // postThreadItem-by-<handle> (social-app), and the post links to itself.
  commentTarget: (url) => {
    const id = pathId(url, 'post');
    return id ? { element: '[data-testid^="postThreadItem-by-"]', link: `a[href*="/post/${cssValue(id)}"]` } : null;
  },
  commentSelector: '[data-testid^="postThreadItem-by-"], [data-testid^="feedItem-by-"]',
  authorSelector: '',
  loggedOutDateOrder: true,
};
