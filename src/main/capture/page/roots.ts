/**
 * Where the page's content lives: the document, its open shadow roots (YouTube, Reddit and design
 * systems render posts inside custom elements) and its same-origin frames, as SingleFile reads them.
 */

/** A box in the window. */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A document or shadow root, where its viewport lies in the window, and the box it is clipped to (a frame's). */
export interface Root {
  /** A document, a shadow root, or an element to look only inside of. */
  root: Document | ShadowRoot | Element;
  dx: number;
  dy: number;
  clip: Box | null;
}

export interface Match {
  el: Element;
  dx: number;
  dy: number;
  clip: Box | null;
}

/** Elements whose text is never shown. */
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);

export const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });

const intersect = (a: Box | null, b: Box): Box => (a ? { top: Math.max(a.top, b.top), bottom: Math.min(a.bottom, b.bottom), left: Math.max(a.left, b.left), right: Math.min(a.right, b.right) } : b);

/** A frame's document, when it is of this site and has loaded; null for another site's. */
export function frameDocument(el: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    return el.contentDocument;
  } catch {
    return null;
  }
}

export const isFrame = (el: Element): el is HTMLIFrameElement | HTMLFrameElement => el.localName === 'iframe' || el.localName === 'frame';

export function roots(): Root[] {
  const out: Root[] = [];
  const visit = (root: Document | ShadowRoot, dx: number, dy: number, clip: Box | null) => {
    out.push({ root, dx, dy, clip });
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot, dx, dy, clip);
      else if (isFrame(el)) {
        const doc = frameDocument(el);
        if (!doc || !doc.body || doc.URL === 'about:blank' || !visible(el)) continue;
        const r = el.getBoundingClientRect();
        const top = dy + r.top + el.clientTop;
        const left = dx + r.left + el.clientLeft;
        visit(doc, left, top, intersect(clip, { top, left, bottom: top + el.clientHeight, right: left + el.clientWidth }));
      }
    }
  };
  visit(document, 0, 0, null);
  return out;
}

/** Matches of a selector in every root, with their root's place. */
export function deepAll(rs: Root[], selector: string): Match[] {
  const out: Match[] = [];
  for (const r of rs) for (const el of r.root.querySelectorAll(selector)) out.push({ el, dx: r.dx, dy: r.dy, clip: r.clip });
  return out;
}

/** The element where a root's text lives: a document's body, or the shadow root itself. */
export const textRoot = (root: Root['root']): Node | null => (root.nodeType === Node.DOCUMENT_NODE ? (root as Document).body : root);

/** The text nodes under a root, in document order. */
export function* textNodes(root: Root['root']): Generator<Text> {
  const start = textRoot(root);
  if (!start) return;
  const walker = (start.ownerDocument ?? (start as Document)).createTreeWalker(start, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Text;
}

/** Elements of the top document and its shadow roots (not frames): where fixed and sticky ones are looked for. */
export function ownElements(rs: Root[]): Element[] {
  const out: Element[] = [];
  for (const r of rs) {
    if (r.clip) continue;
    const start = textRoot(r.root) as Element | ShadowRoot | null;
    if (start) for (const el of start.querySelectorAll('*')) out.push(el);
  }
  return out;
}

/** The element's parent, across a shadow root's boundary. */
export const up = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);

/** Whether an element, or one around it (across shadow roots), is fixed to the window. */
export function isFixed(el: Element): boolean {
  for (let node: Element | null = el; node; node = up(node)) {
    if (getComputedStyle(node).position === 'fixed') return true;
  }
  return false;
}
