import type { CommentTarget } from '../../platforms/platform';

/**
 * What the page code (this folder, bundled into one script and run inside the captured page) offers
 * Node, and what it is told. Every argument and answer is plain JSON, since each call crosses into
 * the page as `window.__kanalarkiv.name(…)` (page-helpers.ts builds those calls from this interface).
 *
 * Positions are rows and columns of the window (CSS px; the viewport of the top document), so that
 * they match the screenshot; Node turns them into rows of the stitched image. "Content
 * coordinates" are a row of the window plus the scroll offset of what scrolls.
 */

/** A platform's selectors and texts, sent once into each document (page-helpers.ts pageConfig). */
export interface PageConfig {
  postSelector: string;
  authorSelector: string;
  expandSelectors: string[];
  /** "See more" wordings as [source, flags] of a RegExp. */
  expandTexts: Array<[string, string]>;
  way: {
    login: string[];
    block: string[];
    /** Close buttons of a login dialog a logged-out visitor may close. */
    dismiss: string[];
    texts: Array<[string, string]>;
    /** Wall texts that count only inside a dialog. */
    dialogTexts: Array<[string, string]>;
    blockTexts: Array<[string, string]>;
  };
}

/**
 * A word, its box, and the block it stands in: [text, x, y, width, height, block]. A block is the
 * nearest element around the word that is laid out as a box of its own (a paragraph, a heading, a
 * cell, a button), numbered once per document; page.txt reads block by block (record/text.ts).
 */
export type RawWord = [string, number, number, number, number, number];

/** A block's own box, where its element lies in the window: [block, x, y, width, height]. */
export type RawBlock = [number, number, number, number, number];

/** The words of some rows of the window, and the boxes of the blocks they stand in. */
export interface TextRead {
  words: RawWord[];
  blocks: RawBlock[];
}

/**
 * What stands between a reader and the channel: a wall, a login dialog just closed ('closing'),
 * a bot check, or nothing.
 */
export type Barrier = 'login' | 'closing' | 'blocked' | null;

/** What scrolls: the document, the app shell's largest scrollable element, or nothing though content is clipped. */
export interface ScrollerLayout {
  kind: 'document' | 'element' | 'clipped';
  /** Other large scrollable elements beside the one chosen. */
  others: number;
}

export interface Metrics {
  /** How far what scrolls (the document, or the app shell's scroller) is scrolled. */
  offset: number;
  innerWidth: number;
  innerHeight: number;
  /** The rows of the window that the content scrolls through. */
  bandTop: number;
  bandBottom: number;
  /** The content's height in content coordinates. */
  contentHeight: number;
}

/** How the content moved under the capture: where to go on (`move` px from where it was) and how much added content lies above. */
export interface Shift {
  move: number;
  skipped: number;
}

export interface PreparedTile {
  /** Expand buttons clicked. */
  clicked: number;
  /** History entries the clicks added (a single-page app showing another view). */
  pushed: number;
  wall: Barrier;
  shift: Shift;
}

export interface Tile extends TextRead {
  metrics: Metrics;
  fromRow: number;
  toRow: number;
  posts: number;
  dates: string[];
  /** Images in the tile's rows still loading just before its picture. */
  pending: number;
}

export interface AfterTile {
  shift: Shift;
  /** The content grew or shrank, or an image in the picture's rows was loading. */
  unsettled: boolean;
  pending: number;
}

/** What the chosen comment shows of itself, its author and its time, and the text of the post around it. */
export interface ChosenComment {
  text: string;
  author: { name: string | null; profileUrl: string | null };
  shownTime: string | null;
  exactTime: string | null;
  contextText: string | null;
}

/** The chosen comment itself, or the post around it. */
export type Chosen = 'comment' | 'context';

export interface PageHelpers {
  configure(config: PageConfig): void;
  findScroller(): ScrollerLayout;
  metrics(): Metrics;
  growth(): { contentHeight: number; loading: boolean };
  scrollTo(y: number): Promise<number>;
  prepareTile(first: boolean, captured: number): PreparedTile;
  readTile(first: boolean, captured: number, maxRows: number): Tile;
  afterTile(captured: number, fromRow: number, toRow: number, contentHeight: number): AfterTile;
  anchorAt(toRow: number): void;
  prepareTail(): Promise<number | null> | null;
  tailWords(fromRow: number): TextRead;
  restore(): void;
  eagerImages(): void;
  pendingImages(fromRow?: number, toRow?: number): number;
  unloadedFrames(): string[];
  crossSiteFrames(): string[];
  waitQuiet(quietMs: number, maxMs: number): Promise<number>;
  isBlank(): boolean;
  firstPost(selector: string, maxMs: number): Promise<boolean>;
  barrier(): Barrier;
  loginDialogsClosed(): number;
  postsInDocument(): number;
  chooseTarget(target: CommentTarget): boolean;
  pickTarget(candidates: string, hint: string): Promise<boolean>;
  chosenShown(): boolean;
  expandChosen(): number;
  describeChosen(): ChosenComment;
  wordsInChosen(which: Chosen): RawWord[];
  outlineChosen(on: boolean): void;
}

/** Elements, for a handle on them (page.evaluateHandle); not JSON, so apart from PageHelpers. */
export interface PageElements {
  chosenElement(which: Chosen): Element | null;
}
