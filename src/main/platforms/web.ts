import { EXPAND_TEXTS, type PlatformModule } from './platform';

/** Any other public page, such as the municipality's own website: no login, articles as posts. */
export const web: PlatformModule = {
  platform: 'web',
  hosts: [],
  loginUrl: 'about:blank',
  loginWallSelectors: [],
  loginWallTexts: [],
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
  postSelector: 'article',
  feedWaitMs: 0,
  loggedOutView: 'complete',
  // A page's own comments are linked by #fragment, which every platform's links may carry too (capture-comment.ts).
  commentTarget: () => null,
  commentSelector: 'article, li, [id*="comment"], [class*="comment"]',
  authorSelector: '',
  loggedOutDateOrder: true,
};
