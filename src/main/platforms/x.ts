import { EXPAND_TEXTS, FEED_WAIT_MS, cssValue, pathId, type PlatformModule } from './platform';

/** X (Twitter) profiles: a virtualised timeline of tweets. */
export const x: PlatformModule = {
  platform: 'x',
  hosts: ['x.com', 'twitter.com'],
  loginUrl: 'https://x.com/i/flow/login',
  loginWallSelectors: ['[data-testid="sheetDialog"] [data-testid="loginButton"]', 'div[data-testid="login"]'],
  loginWallTexts: [],
  loginDialogTexts: [],
  dismissSelectors: [],
  loginPaths: [/^\/i\/flow\/login(\/|$)/i, /^\/login(\/|$)/i],
  blockedPaths: [],
  blockSelectors: [],
  blockTexts: [],
  // autoconsent's rule "twitter" names x.com and twitter.com hosts (rules/autoconsent/twitter.json).
  consentRulesUrl: 'https://x.com/',
  consentPaths: [],
  expandSelectors: ['button[data-testid="tweet-text-show-more-link"]'],
  expandTexts: EXPAND_TEXTS,
  postSelector: 'article[data-testid="tweet"], article',
  feedWaitMs: FEED_WAIT_MS,
  loggedOutView: 'partial',
  // A post link is /<user>/status/<id>; the post is the tweet whose time links to that status
  // (article[data-testid=tweet], browsertrix-behaviors src/site/twitter.ts).
  commentTarget: (url) => {
    const id = pathId(url, 'status');
    return id ? { element: 'article[data-testid="tweet"]', link: `a[href$="/status/${cssValue(id)}"]` } : null;
  },
  commentSelector: 'article[data-testid="tweet"]',
  authorSelector: '[data-testid="User-Name"] a',
  loggedOutDateOrder: false,
};
