/**
 * The capture technique, fixed and versioned. The guidelines ask for "the same technique every time",
 * so every record states this profile and its version; change anything here only with a new version.
 */
export const CAPTURE_PROFILE = {
  version: '1.0',
  viewport: { width: 1280, height: 1024 },
  deviceScaleFactor: 1,
  locale: 'sv-SE',
  timezoneId: 'Europe/Stockholm',
  reducedMotion: 'reduce',
  colorScheme: 'light',
  /** How the page is brought onto the image: scrolled one viewport at a time, captured and stitched. */
  method: 'scroll-and-stitch',
  /** Longest page captured; beyond it the snapshot is cut and says so. */
  maxHeightPx: 250_000,
  /** Share of the channel's timeout that may be spent scrolling before the snapshot is cut. */
  scrollTimeShare: 0.7,
  /** A PDF page side may be at most 14,400 pt; at 0.75 pt per CSS px that is 19,200 px of screenshot. */
  pageSliceHeightPx: 19_200,
  consent: 'opt-out',
} as const;

export type CaptureProfile = typeof CAPTURE_PROFILE;

/** Points per CSS pixel: 72 pt per inch over 96 CSS px per inch. */
export const PT_PER_PX = 0.75;
