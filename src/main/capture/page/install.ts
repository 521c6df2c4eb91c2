import type { PageConfig, PageElements, PageHelpers } from './api';
import { anchorAt } from './anchors';
import { chooseTarget, chosenElement, chosenShown, describeChosen, expandChosen, outlineChosen, pickTarget, wordsInChosen } from './comment';
import { prepareTail } from './floating';
import { crossSiteFrames, eagerImages, isBlank, pendingImages, unloadedFrames, waitQuiet } from './loading';
import { deepAll, roots } from './roots';
import { findScroller, growth, metrics, scrollTo } from './scrolling';
import { compile, config, state } from './state';
import { restore } from './styles';
import { afterTile, prepareTile, readTile, tailWords } from './tile';
import { barrier, firstPost } from './walls';

/**
 * The page code's one entry: bundled into one script (scripts/page-script.mjs) that puts the
 * helpers on `window.__kanalarkiv`, once per document; Node calls them through page-helpers.ts.
 */

declare global {
  interface Window {
    __kanalarkiv?: PageHelpers & PageElements;
  }
}

const helpers: PageHelpers & PageElements = {
  configure(given: PageConfig) {
    state.config = given;
    state.expandPatterns = compile(given.expandTexts);
  },
  findScroller,
  metrics,
  growth,
  scrollTo,
  prepareTile,
  readTile,
  afterTile,
  anchorAt,
  prepareTail,
  tailWords,
  restore,
  eagerImages,
  pendingImages,
  unloadedFrames,
  crossSiteFrames,
  waitQuiet,
  isBlank,
  firstPost,
  barrier,
  loginDialogsClosed: () => state.loginDialogs,
  /** Posts in the page as it is now, shadow roots and frames included, as the saved MHTML copy holds them. */
  postsInDocument: () => deepAll(roots(), config().postSelector).length,
  chooseTarget,
  pickTarget,
  chosenShown,
  expandChosen,
  describeChosen,
  wordsInChosen,
  outlineChosen,
  chosenElement,
};

window.__kanalarkiv ??= helpers;
