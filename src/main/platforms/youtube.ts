import { EXPAND_TEXTS, FEED_WAIT_MS, cssValue, type PlatformModule } from './platform';

/** YouTube channels: public without a login; videos and community posts in custom elements. */
export const youtube: PlatformModule = {
  platform: 'youtube',
  hosts: ['youtube.com', 'youtu.be'],
  loginUrl: 'https://accounts.google.com/ServiceLogin?service=youtube',
  loginWallSelectors: [],
  loginWallTexts: [],
  loginDialogTexts: [],
  dismissSelectors: [],
  // Google's sign-in, where YouTube sends a visitor it will not serve.
  loginPaths: [/^\/(ServiceLogin|v3\/signin|signin)(\/|$)/i],
  blockedPaths: [],
  blockSelectors: [],
  // What YouTube shows a visitor it takes for a bot, in the player's .ytp-error-content-wrap-reason
  // (yt-dlp/yt-dlp#15796 and many threads quoting it; the apostrophe is a typographic one), and the
  // same in Swedish, as YouTube serves it to a browser in sv-SE (issue 32).
  blockTexts: [/^Sign in to confirm you[’']re not a bot/i, /^Logga in för att bekräfta att du inte är en robot/i],
  consentRulesUrl: null,
  // In the EU, YouTube first sends a visitor to consent.youtube.com/m (and Google to consent.google.com/ml,
  // platforms.md); autoconsent's "google-consent-standalone" declines there and the page goes back to the channel.
  consentPaths: [/^\/(m|ml)$/],
  expandSelectors: ['tp-yt-paper-button#expand', 'ytd-text-inline-expander #expand'],
  expandTexts: EXPAND_TEXTS,
  postSelector: 'ytd-rich-item-renderer, ytd-video-renderer, ytd-grid-video-renderer, ytd-backstage-post-thread-renderer',
  feedWaitMs: FEED_WAIT_MS,
  loggedOutView: 'complete',
  // A comment link is a video link with &lc=<comment id>; YouTube shows that comment first, and its
  // time links back with the same lc.
  commentTarget: (url) => {
    const id = url.searchParams.get('lc');
    return id ? { element: 'ytd-comment-view-model, ytd-comment-renderer', link: `a[href*="lc=${cssValue(id)}"]` } : null;
  },
  commentSelector: 'ytd-comment-view-model, ytd-comment-renderer, ytd-rich-item-renderer, ytd-backstage-post-thread-renderer',
  authorSelector: '#author-text',
  loggedOutDateOrder: true,
};
