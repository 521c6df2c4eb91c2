import { EXPAND_TEXTS, FEED_WAIT_MS, cssValue, pathId, type PlatformModule } from './platform';

/** Threads profiles (Meta), on threads.net and threads.com. */
export const threads: PlatformModule = {
  platform: 'threads',
  hosts: ['threads.net', 'threads.com'],
  loginUrl: 'https://www.threads.com/login',
  loginWallSelectors: ['form input[name="password"]'],
  loginWallTexts: [],
  loginDialogTexts: [],
  dismissSelectors: [],
  loginPaths: [/^\/(login|accounts\/login)(\/|$)/i],
  blockedPaths: [/^\/challenge(\/|$)/i],
  blockSelectors: [],
  blockTexts: [],
  consentRulesUrl: null,
  consentPaths: [],
  expandSelectors: [],
  expandTexts: EXPAND_TEXTS,
  // Threads has no <article>: each post is a div[data-pressable-container="true"] (as the browser
  // extensions that read Threads find it); a quoted post inside one is part of it.
  postSelector: 'div[data-pressable-container="true"]:not([data-pressable-container="true"] *)',
  feedWaitMs: FEED_WAIT_MS,
  // No maintained tool documents what Threads shows a logged-out reader; like Instagram, its owner
  // Meta limits it, so the record says it may be partial rather than claim it is complete.
  loggedOutView: 'partial',
  // A post link is /@<account>/post/<code>; the post is the pressable container that links to it.
  commentTarget: (url) => {
    const id = pathId(url, 'post');
    return id ? { element: 'div[data-pressable-container="true"]', link: `a[href*="/post/${cssValue(id)}"]` } : null;
  },
  commentSelector: 'div[data-pressable-container="true"]',
  authorSelector: '',
  loggedOutDateOrder: true,
};
