import type { PageConfig } from './api';

/**
 * Everything the page code remembers within one document, in one place: what scrolls, what it
 * changed on the page (to give it back), what it clicked, and what was chosen. A new document
 * (a navigation) starts afresh with the script put into it again.
 */

/** An element at the last captured row, with its top in content coordinates, to see whether the page moved. */
export interface Anchor {
  el: Element;
  top: number;
}

export const state = {
  config: null as PageConfig | null,
  /** "See more" wordings, compiled once from the config. */
  expandPatterns: [] as RegExp[],
  /** The element that scrolls, or null for the document. */
  scroller: null as Element | null,
  /** Login dialogs closed: a page seen with a login profile that shows one is not logged in. */
  loginDialogs: 0,
  /** The comment or post a saved comment is of (chooseTarget, pickTarget), and the post around it, if any. */
  chosen: null as Element | null,
  chosenContext: null as Element | null,
  anchors: [] as Anchor[],
  /** The blocks words stand in, numbered in the order first met, for the whole document. */
  blocks: new WeakMap<Element, number>(),
  nextBlock: 1,
};

/** Inline styles we changed, with their value and priority before, so the page can be given back as it was. */
export const changed = new Map<HTMLElement, Map<string, [string, string]>>();
/** Elements hidden after the first screen: fixed ones, and on an app shell everything beside the scroller. */
export const hidden = new Set<Element>();
/** Sticky elements made to scroll with the page. */
export const unstuck = new Set<Element>();
/** Buttons clicked to expand content or to close a login dialog. */
export const clicked = new Set<Element>();

/** The platform's config; the script is always configured right after it is put into a document. */
export function config(): PageConfig {
  if (!state.config) throw new Error('Kanalarkiv page helpers used before configure()');
  return state.config;
}

export const compile = (texts: Array<[string, string]>) => texts.map(([source, flags]) => new RegExp(source, flags));
