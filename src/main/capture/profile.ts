/**
 * The capture technique, fixed and versioned. The guidelines ask for "the same technique every time",
 * so every record states this profile and its version; change anything here only with a new version.
 */
export const CAPTURE_PROFILE = {
  // 1.1: an app shell's scroller is followed, sticky elements scroll with the page, bars along the
  // bottom are shown once at the end, and content added above the captured part is followed.
  // 1.2: every response the page received is kept as a replayable web copy (WACZ 1.1.1) beside the MHTML copy.
  version: '1.2',
  viewport: { width: 1280, height: 1024 },
  deviceScaleFactor: 1,
  locale: 'sv-SE',
  timezoneId: 'Europe/Stockholm',
  reducedMotion: 'reduce',
  colorScheme: 'light',
  /** How the page is brought onto the image: scrolled one viewport at a time, captured and stitched. */
  method: 'scroll-and-stitch',
  /** What is scrolled: the document, or the largest scrollable element when the document cannot scroll. */
  scroller: 'document-or-largest-element',
  /** Sticky elements scroll with the page; fixed ones show on the first screen, bars along the bottom once at the end. */
  floating: 'sticky-scrolls, fixed-first-screen, bottom-bars-at-end',
  /** Longest page captured; beyond it the snapshot is cut and says so. */
  maxHeightPx: 250_000,
  /** Share of the channel's timeout that may be spent scrolling before the snapshot is cut. */
  scrollTimeShare: 0.7,
  /** A PDF page side may be at most 14,400 pt; at 0.75 pt per CSS px that is 19,200 px of screenshot. */
  pageSliceHeightPx: 19_200,
  consent: 'opt-out',
  /** The page's traffic as the browser received it, without the session's cookies and logins. */
  webCopy: 'wacz-1.1.1',
} as const;

export type CaptureProfile = typeof CAPTURE_PROFILE;
