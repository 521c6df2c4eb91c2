import { EXPAND_TEXTS, FEED_WAIT_MS, cssValue, type PlatformModule } from './platform';

/** Facebook pages. Logged out, Facebook shows a login form in a dialog over the page. */
export const facebook: PlatformModule = {
  platform: 'facebook',
  hosts: ['facebook.com', 'fb.com', 'fb.me'],
  loginUrl: 'https://www.facebook.com/login',
  loginWallSelectors: ['form#login_popup_cta_form', '[data-testid="royal_login_form"]', 'form[action*="/login/"] input[name="pass"]'],
  loginWallTexts: [],
  // The logged-out modal over a page's feed, headed "Se fler inlägg från <page>" in Swedish and
  // "See more from <page>" in English (issue 32); the same words close a limited feed, outside a dialog.
  loginDialogTexts: [/^Se fler inlägg från\s/i, /^See more from\s/i],
  // The logged-out dialog over a page can be closed (platforms.md; browsertrix-behaviors src/site/facebook.ts
  // clicks a role=button in the dialog, Q.loginModal); its close button is labelled in the page's language.
  dismissSelectors: ['div[role="dialog"] [role="button"][aria-label="Stäng"]', 'div[role="dialog"] [role="button"][aria-label="Close"]'],
  loginPaths: [/^\/(login|checkpoint)(\/|\.php|$)/i],
  blockedPaths: [],
  blockSelectors: [],
  blockTexts: [],
  // autoconsent's rule "facebook" (rules/autoconsent/facebook.json) names only www.facebook.com.
  consentRulesUrl: 'https://www.facebook.com/',
  consentPaths: [],
  expandSelectors: [],
  expandTexts: EXPAND_TEXTS,
  // Comments are [role=article] too, with an aria-label that posts lack (browsertrix-behaviors
  // src/site/facebook.ts, articleList); a logged-in feed numbers its posts with aria-posinset
  // (platforms.md). A shared post inside a post is part of it.
  postSelector: ':is([role="article"]:not([aria-label]), [aria-posinset]):not([role="article"] *, [aria-posinset] *)',
  feedWaitMs: FEED_WAIT_MS,
  loggedOutView: 'partial',
  // A comment link carries ?comment_id= (and &reply_comment_id= for a reply); the comment is the
  // [role=article] with an aria-label (browsertrix-behaviors src/site/facebook.ts) around the time link that
  // repeats that id. A post link (/posts/…) shows the post first.
  commentTarget: (url) => {
    const id = url.searchParams.get('reply_comment_id') ?? url.searchParams.get('comment_id');
    const reply = url.searchParams.has('reply_comment_id');
    if (id) return { element: '[role="article"][aria-label]', link: reply ? `a[href*="reply_comment_id=${cssValue(id)}"]` : `a[href*="comment_id=${cssValue(id)}"]:not([href*="reply_comment_id="])` };
    return /\/(posts|permalink|videos|photos)[/.]/.test(url.pathname) || url.searchParams.has('story_fbid') ? { element: '[role="article"]:not([aria-label])' } : null;
  },
  commentSelector: '[role="article"]',
  authorSelector: '',
  loggedOutDateOrder: true,
};
