import type { Platform } from '../../shared/channel';

/**
 * What Kanalarkiv knows about each platform's pages: how a logged-out page or login wall looks,
 * which buttons expand truncated posts and comments, and what a post is. Selectors come from the
 * platforms' public markup and change over time; each list is tried in order and any match counts.
 */
export interface PlatformAdapter {
  platform: Platform;
  /** Visible elements that mean "you are looking at a login wall, not the channel". */
  loginWallSelectors: string[];
  /** Final URLs that mean the platform sent us to its login page. */
  loginUrlPatterns: RegExp[];
  /** Buttons (never links) that expand "see more" text and comments when clicked. */
  expandSelectors: string[];
  /** Button texts that expand content, for platforms whose markup has no stable selector. */
  expandTexts: RegExp[];
  /** One element per post in the feed. */
  postSelector: string;
}

/** Wording of "see more" and "more comments" buttons, in Swedish and English. */
const EXPAND_TEXTS = [
  /^(visa|se|läs) (mer|fler|hela)\b/i,
  /^visa fler (kommentarer|svar)/i,
  /^visa \d+ (fler )?(svar|kommentarer)/i,
  /^(see|show|read) more\b/i,
  /^(view|show) (more|all|\d+) (comments|replies)/i,
  /^… ?(mer|more)$/i,
];

const common = { expandTexts: EXPAND_TEXTS };

export const ADAPTERS: Record<Platform, PlatformAdapter> = {
  facebook: {
    ...common,
    platform: 'facebook',
    loginWallSelectors: ['form#login_popup_cta_form', '[data-testid="royal_login_form"]', 'form[action*="/login/"] input[name="pass"]'],
    loginUrlPatterns: [/facebook\.com\/(login|checkpoint)/i],
    expandSelectors: [],
    postSelector: '[role="article"]',
  },
  instagram: {
    ...common,
    platform: 'instagram',
    loginWallSelectors: ['form#loginForm', 'input[name="username"][aria-label]', 'div[role="dialog"] a[href*="/accounts/login"]'],
    loginUrlPatterns: [/instagram\.com\/accounts\/login/i],
    expandSelectors: [],
    postSelector: 'article, a[href*="/p/"], a[href*="/reel/"]',
  },
  linkedin: {
    ...common,
    platform: 'linkedin',
    loginWallSelectors: ['form.login__form', '.authwall-join-form', 'section.authwall'],
    loginUrlPatterns: [/linkedin\.com\/(authwall|login|uas\/login|checkpoint)/i],
    expandSelectors: ['button.see-more', 'button.feed-shared-inline-show-more-text__see-more-less-toggle', 'button.comments-comments-list__load-more-comments-button'],
    postSelector: '[data-urn*="activity"], .feed-shared-update-v2',
  },
  x: {
    ...common,
    platform: 'x',
    loginWallSelectors: ['[data-testid="sheetDialog"] [data-testid="loginButton"]', 'div[data-testid="login"]'],
    loginUrlPatterns: [/(x|twitter)\.com\/i\/flow\/login/i, /(x|twitter)\.com\/login/i],
    expandSelectors: ['button[data-testid="tweet-text-show-more-link"]'],
    postSelector: 'article[data-testid="tweet"], article',
  },
  youtube: {
    ...common,
    platform: 'youtube',
    loginWallSelectors: [],
    loginUrlPatterns: [/accounts\.google\.com\/(ServiceLogin|signin)/i],
    expandSelectors: ['tp-yt-paper-button#expand', 'ytd-text-inline-expander #expand'],
    postSelector: 'ytd-rich-item-renderer, ytd-video-renderer, ytd-grid-video-renderer, ytd-backstage-post-thread-renderer',
  },
  tiktok: {
    ...common,
    platform: 'tiktok',
    loginWallSelectors: ['[data-e2e="login-modal"]', '#loginContainer'],
    loginUrlPatterns: [/tiktok\.com\/login/i],
    expandSelectors: [],
    postSelector: '[data-e2e="user-post-item"]',
  },
  web: {
    ...common,
    platform: 'web',
    loginWallSelectors: [],
    loginUrlPatterns: [],
    expandSelectors: [],
    postSelector: 'article',
  },
};
