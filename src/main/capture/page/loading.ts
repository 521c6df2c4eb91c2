import { frameDocument, deepAll, isFrame, roots, SKIP_TAGS, textNodes, visible } from './roots';

/** Native lazy loading waits for the viewport; we want every image and embed, so make them eager. */
export function eagerImages(): void {
  for (const { el } of deepAll(roots(), 'img[loading="lazy"], iframe[loading="lazy"]')) (el as HTMLImageElement | HTMLIFrameElement).loading = 'eager';
}

/**
 * Images in rows [fromRow, toRow) of the window (all of it by default) that have not finished
 * loading: those with a source still loading, and those a lazy loader has yet to give their source
 * (data-src, the convention of lazysizes and hand-written IntersectionObserver loaders), which it
 * does only a frame or two after they come into view.
 */
export function pendingImages(fromRow = 0, toRow = innerHeight): number {
  let n = 0;
  for (const { el, dy } of deepAll(roots(), 'img')) {
    const img = el as HTMLImageElement;
    const awaitingSource = !img.getAttribute('src') && (img.dataset.src || img.dataset.srcset);
    if (!awaitingSource && (img.complete || (!img.currentSrc && !img.src))) continue;
    const r = img.getBoundingClientRect();
    if (r.bottom + dy > fromRow && r.top + dy < toRow && r.width > 0 && r.height > 0) n++;
  }
  return n;
}

const frames = () => deepAll(roots(), 'iframe, frame').map(({ el }) => el).filter(isFrame);

/** Frames with a web address that have not loaded: they still hold the empty document they start with. */
export function unloadedFrames(): string[] {
  return frames().filter((el) => /^https?:/.test(el.src) && frameDocument(el)?.URL === 'about:blank').map((el) => el.src);
}

/**
 * Frames of another site that show on the page: they are in the picture, but their document
 * cannot be read from this one, so their text is not in the text layer.
 */
export function crossSiteFrames(): string[] {
  return frames()
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return !frameDocument(el) && r.width >= 50 && r.height >= 50 && visible(el);
    })
    .map((el) => el.src);
}

/** Resolves once the DOM has been still for quietMs, or after maxMs, with the time it took. */
export function waitQuiet(quietMs: number, maxMs: number): Promise<number> {
  return new Promise((resolve) => {
    let last = performance.now();
    const start = last;
    const observer = new MutationObserver(() => {
      last = performance.now();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const tick = () => {
      const now = performance.now();
      if (now - last >= quietMs || now - start >= maxMs) {
        observer.disconnect();
        resolve(now - start);
      } else setTimeout(tick, 50);
    };
    setTimeout(tick, 50);
  });
}

/** True when nothing would show: no visible text and no visible image, video, canvas or svg, in any root. */
export function isBlank(): boolean {
  const rs = roots();
  for (const { root } of rs) {
    for (const node of textNodes(root)) {
      const parent = node.parentElement;
      if (/\S/.test(node.nodeValue || '') && parent && !SKIP_TAGS.has(parent.tagName) && visible(parent) && parent.getClientRects().length > 0) return false;
    }
  }
  for (const { el } of deepAll(rs, 'img, video, canvas, svg, iframe, embed, object')) {
    const r = el.getBoundingClientRect();
    if (r.width >= 16 && r.height >= 16 && visible(el)) return false;
  }
  return true;
}
