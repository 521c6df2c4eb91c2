import { EXPAND_TEXTS, cssValue, pathId, type PlatformModule } from './platform';

/** Instagram profiles: a grid of posts; logged out, a login dialog or the login page. */
export const instagram: PlatformModule = {
  platform: 'instagram',
  hosts: ['instagram.com', 'instagr.am'],
  loginUrl: 'https://www.instagram.com/accounts/login/',
  loginWallSelectors: ['form#loginForm', 'input[name="username"][aria-label]', 'div[role="dialog"] a[href*="/accounts/login"]'],
  loginWallTexts: [],
  loginDialogTexts: [],
  dismissSelectors: [],
  // Headless visitors are sent to /accounts/login/ (platforms.md); a suspected bot to /challenge/ (instaloader's "checkpoint required").
  loginPaths: [/^\/accounts\/login(\/|$)/i],
  blockedPaths: [/^\/challenge(\/|$)/i],
  blockSelectors: [],
  blockTexts: [],
  // autoconsent's rule "instagram" ("Neka valfria cookies", rules/autoconsent/instagram.json) names only www.instagram.com.
  consentRulesUrl: 'https://www.instagram.com/',
  consentPaths: [],
  expandSelectors: [],
  expandTexts: EXPAND_TEXTS,
  // One link per post in the grid (browsertrix-behaviors src/site/instagram.ts follows the grid's
  // links); an <article> can hold the whole grid, so it is not a post.
  postSelector: 'a[href*="/p/"], a[href*="/reel/"]',
  // The grid comes long after the page's main element; browsertrix waits up to about 18 s (platforms.md).
  feedWaitMs: 18_000,
  loggedOutView: 'partial',
  // A comment link is /p/<post>/c/<comment>/; the comment is the list item that links to itself.
  // A post link (/p/…, /reel/…) shows the post.
  commentTarget: (url) => {
    const id = pathId(url, 'c');
    if (id) return { element: 'li', link: `a[href*="/c/${cssValue(id)}"]` };
    return pathId(url, 'p') || pathId(url, 'reel') ? { element: 'article, main' } : null;
  },
  commentSelector: 'ul li, article',
  authorSelector: '',
  loggedOutDateOrder: true,
};
