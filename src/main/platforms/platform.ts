import type { Platform } from '../../shared/channel';

/**
 * What Kanalarkiv knows about one platform, in one file per platform (as browsertrix-behaviors keeps
 * one file per site): which addresses are its, where a person logs in, how a login wall looks, which
 * buttons expand truncated posts and comments, and what a post is. Selectors come from the
 * platforms' public markup and change over time; each list is tried in order and any match counts.
 */
export interface PlatformModule {
  platform: Platform;
  /** Host names of the platform; their subdomains count too. */
  hosts: string[];
  /** Where a person logs in, for `kanalarkiv login`. */
  loginUrl: string;
  /** Visible elements that mean "you are looking at a login wall, not the channel". */
  loginWallSelectors: string[];
  /** Whole texts of a visible element that mean a login wall, for walls with no stable selector (Bluesky's). */
  loginWallTexts: RegExp[];
  /**
   * Whole texts that mean a login wall when they stand in a dialog (`[role=dialog]`, `<dialog>`):
   * Facebook's "Se fler inlägg från …" modal. The same words in the page itself (at the end of a
   * logged-out feed) are no wall.
   */
  loginDialogTexts: RegExp[];
  /** Buttons that close a login dialog a logged-out visitor may close; a wall without one is final. */
  dismissSelectors: string[];
  /**
   * Paths that mean the platform sent us to its login page. Judged by the path alone, so that every
   * host the platform answers from (www., sv-se., m., a country's linkedin) counts.
   */
  loginPaths: RegExp[];
  /** Paths that mean the platform stopped us as a suspected bot: a challenge, not the channel. */
  blockedPaths: RegExp[];
  /** Visible elements that mean a captcha or bot check covers the channel. */
  blockSelectors: string[];
  /** Whole texts of a visible element that mean a bot check, for checks with no stable selector (YouTube's). */
  blockTexts: RegExp[];
  /**
   * An address on which autoconsent's rules for the platform's own cookie dialog apply (its www.
   * page), so that they are given on every host of the platform and the channel; null when none.
   */
  consentRulesUrl: string | null;
  /**
   * Paths of a consent page the platform sends a visitor to before the channel, judged on any
   * host; declining there sends the browser back to the channel.
   */
  consentPaths: RegExp[];
  /** Buttons (never links) that expand "see more" text and comments when clicked. */
  expandSelectors: string[];
  /** Button texts that expand content, for platforms whose markup has no stable selector. */
  expandTexts: RegExp[];
  /** One element per post in the feed; never a comment, never a post inside a post. */
  postSelector: string;
  /** How long to wait after loading for the first post, which platforms draw by script (0: do not wait). */
  feedWaitMs: number;
  /**
   * What a visitor without a login sees (platforms.md): 'partial' where the platform stops or
   * chooses (Facebook about ten posts, Instagram twelve, X ranked "top" posts, TikTok and LinkedIn
   * guest views), 'complete' where the public page is the channel (YouTube, a website).
   */
  loggedOutView: 'complete' | 'partial';
  /**
   * The element a link to one comment or post points at, from what the link names (a comment id,
   * a status id); null when it names nothing the platform marks. See CommentTarget.
   */
  commentTarget: (url: URL) => CommentTarget | null;
  /** What one comment or post is on the page, for choosing one with the pointer ("Välj på sidan"). */
  commentSelector: string;
  /** Inside a comment or post, the link that holds its author's name, where the platform marks one ('' : the first link). */
  authorSelector: string;
  /** Whether a logged-out visitor's feed is newest first; X's is not, so its coverage cannot be judged by dates. */
  loggedOutDateOrder: boolean;
}

/**
 * How to find one comment or post: with `link`, the closest `element` around the first link that
 * matches it (the comment's own time link names its id; a reply's thread holds its parent's links
 * too, so the link decides); without, the first `element`.
 */
export interface CommentTarget {
  element: string;
  link?: string;
}

/** Wording of "see more" and "more comments" buttons, in Swedish and English, on every platform. */
export const EXPAND_TEXTS = [
  /^(visa|se|läs) (mer|fler|hela)\b/i,
  /^visa fler (kommentarer|svar)/i,
  /^visa \d+ (fler )?(svar|kommentarer)/i,
  /^(see|show|read) more\b/i,
  /^(view|show) (more|all|\d+) (comments|replies)/i,
  /^… ?(mer|more)$/i,
];

/**
 * How long a social platform may take to draw its first post after the page has loaded. The
 * maintained tools wait about this long for a feed before they give up (browsertrix-behaviors'
 * awaitPageLoad: 10 s for Instagram's main element, and the grid comes later still, platforms.md).
 */
export const FEED_WAIT_MS = 10_000;

/** A value inside a quoted CSS attribute selector: quotes and backslashes escaped. */
export const cssValue = (value: string) => value.replace(/["\\]/g, '\\$&');

/** The last path segment after `marker` ("/status/123" gives "123"), or null. */
export function pathId(url: URL, marker: string): string | null {
  const parts = url.pathname.split('/').filter(Boolean);
  const at = parts.indexOf(marker);
  return at >= 0 && parts[at + 1] ? decodeURIComponent(parts[at + 1]!) : null;
}
