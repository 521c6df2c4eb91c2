/**
 * Code that runs inside the captured page. It is kept as plain JavaScript source, not as TypeScript
 * functions handed to page.evaluate, because bundlers rewrite functions (helper calls such as
 * `__name`) in ways that break once the source is sent to the browser.
 *
 * Positions handed back are rows and columns of the window (CSS px; the viewport of the top
 * document), so that they match the screenshot; Node turns them into rows of the stitched image.
 * "Content coordinates" are a row of the window plus the scroll offset of what scrolls.
 *
 * What scrolls is the document, or, on app shells whose document cannot scroll (Mastodon, Bluesky,
 * Threads: `html, body {height: 100%; overflow: hidden}`), the largest scrollable element. The rows of
 * the window it shows through are "the band". browsertrix-behaviors' autoscroll (src/autoscroll.ts)
 * follows only `window.scrollY`, which is why such pages came out as one screen.
 *
 * Text, buttons, posts and images are read through open shadow roots (YouTube, Reddit and design
 * systems render posts inside custom elements) and same-origin frames, as SingleFile does.
 */
export const PAGE_HELPERS = String.raw`
(() => {
  if (window.__kanalarkiv) return;
  const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);
  const visible = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const round = (n) => Math.round(n * 10) / 10;

  /** The element that scrolls, or null for the document. */
  let scroller = null;
  /** Inline styles we changed, with their value and priority before, so the page can be given back as it was. */
  const changed = new Map();
  /** Elements hidden after the first screen: fixed ones, and on an app shell everything beside the scroller. */
  const hidden = new Set();
  /** Sticky elements made to scroll with the page. */
  const unstuck = new Set();
  /** Buttons clicked to expand content or to close a login dialog. */
  const clicked = new Set();
  /** Login dialogs closed: a page seen with a login profile that shows one is not logged in. */
  let loginDialogs = 0;
  /** The comment or post a saved comment is of (chooseTarget), and the post around it, if any. */
  let chosen = null;
  let chosenContext = null;
  /** Each word of a text node with its box in the window (skipping empty boxes), through one reused Range. */
  const wordBoxes = (node, range, take) => {
    const word = /\S+/g;
    const s = node.nodeValue;
    for (let m = word.exec(s); m; m = word.exec(s)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const r = range.getClientRects()[0];
      if (r && r.width >= 0.5 && r.height >= 0.5) take(m[0], r);
    }
  };
  /** A wall we hid ourselves, with the fixed elements of the first screen, still counts as shown. */
  const hiddenByUs = (el) => [...hidden].some((h) => h.contains(el)) && el.checkVisibility({ opacityProperty: true });
  /** Elements at the last captured row, with their top in content coordinates, to see whether the page moved. */
  let anchors = [];

  const setStyle = (el, prop, value) => {
    let props = changed.get(el);
    if (!props) changed.set(el, (props = new Map()));
    if (!props.has(prop)) props.set(prop, [el.style.getPropertyValue(prop), el.style.getPropertyPriority(prop)]);
    el.style.setProperty(prop, value, 'important');
  };
  const resetStyle = (el, prop) => {
    const props = changed.get(el);
    const before = props && props.get(prop);
    if (!before) return;
    props.delete(prop);
    if (before[0]) el.style.setProperty(prop, before[0], before[1]);
    else el.style.removeProperty(prop);
  };
  const hide = (el) => {
    if (hidden.has(el)) return;
    hidden.add(el);
    setStyle(el, 'visibility', 'hidden');
  };

  const offset = () => (scroller ? scroller.scrollTop : window.scrollY);
  const band = () => {
    if (!scroller) return { top: 0, bottom: innerHeight, left: 0, right: innerWidth };
    const r = scroller.getBoundingClientRect();
    const top = Math.max(0, Math.round(r.top + scroller.clientTop));
    const left = Math.max(0, r.left + scroller.clientLeft);
    return { top, bottom: Math.min(innerHeight, top + scroller.clientHeight), left, right: Math.min(innerWidth, left + scroller.clientWidth) };
  };
  const visibleBox = (r) => ({ w: Math.min(r.right, innerWidth) - Math.max(r.left, 0), h: Math.min(r.bottom, innerHeight) - Math.max(r.top, 0) });
  const intersect = (a, b) => (a ? { top: Math.max(a.top, b.top), bottom: Math.min(a.bottom, b.bottom), left: Math.max(a.left, b.left), right: Math.min(a.right, b.right) } : b);

  /**
   * The document, its open shadow roots and its same-origin frames, each with where its viewport
   * lies in the window and the box it is clipped to (a frame's).
   */
  const roots = () => {
    const out = [];
    const visit = (root, dx, dy, clip) => {
      out.push({ root, dx, dy, clip });
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot, dx, dy, clip);
        else if (el.localName === 'iframe' || el.localName === 'frame') {
          let doc = null;
          try { doc = el.contentDocument; } catch (e) { doc = null; }
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
  };
  /** Matches of a selector in every root, with their root's place. */
  const deepAll = (rs, selector) => {
    const out = [];
    for (const r of rs) for (const el of r.root.querySelectorAll(selector)) out.push({ el, dx: r.dx, dy: r.dy, clip: r.clip });
    return out;
  };
  /** The element where a root's text lives: a document's body, or the shadow root itself. */
  const textRoot = (root) => (root.nodeType === 9 ? root.body : root);
  /** Elements of the top document and its shadow roots (not frames): where fixed and sticky ones are looked for. */
  const ownElements = (rs) => {
    const out = [];
    for (const r of rs) {
      if (r.clip) continue;
      const start = textRoot(r.root);
      if (start) for (const el of start.querySelectorAll('*')) out.push(el);
    }
    return out;
  };
  const isFixed = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement || (node.getRootNode() && node.getRootNode().host)) {
      if (getComputedStyle(node).position === 'fixed') return true;
    }
    return false;
  };

  window.__kanalarkiv = {
    /**
     * Decides what scrolls: the document when it can, else the largest scrollable element that covers
     * at least half the window's height and a fifth of its area. Turns scroll anchoring off, so that
     * content added above does not move the page under the capture (the capture follows it instead).
     */
    findScroller() {
      for (const el of [document.documentElement, document.body]) if (el) setStyle(el, 'overflow-anchor', 'none');
      const se = document.scrollingElement || document.documentElement;
      if (se.scrollHeight > innerHeight + 1) return { kind: 'document', others: 0 };
      const candidates = [];
      let clipped = false;
      const all = document.body ? [document.body, ...document.body.getElementsByTagName('*')] : [];
      for (const el of all) {
        if (el.scrollHeight <= el.clientHeight + 1) continue;
        const r = el.getBoundingClientRect();
        const { w, h } = visibleBox(r);
        if (w <= 0 || h < innerHeight * 0.5 || w * h < innerWidth * innerHeight * 0.2 || !visible(el)) continue;
        const overflow = getComputedStyle(el).overflowY;
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') candidates.push({ el, area: w * h });
        else if (el.scrollHeight > el.clientHeight + 50 && r.bottom >= innerHeight - 2) clipped = true;
      }
      if (candidates.length === 0) return { kind: clipped ? 'clipped' : 'document', others: 0 };
      candidates.sort((a, b) => b.area - a.area);
      scroller = candidates[0].el;
      setStyle(scroller, 'overflow-anchor', 'none');
      const others = candidates.filter((c) => !c.el.contains(scroller) && !scroller.contains(c.el)).length;
      return { kind: 'element', others };
    },

    /** Where the page stands: the scroll offset, the band, and the height of the content in content coordinates. */
    metrics() {
      const b = band();
      const se = document.scrollingElement || document.documentElement;
      const maxScroll = scroller ? scroller.scrollHeight - scroller.clientHeight : se.scrollHeight - innerHeight;
      return { offset: offset(), innerWidth, innerHeight, bandTop: b.top, bandBottom: b.bottom, contentHeight: Math.max(0, maxScroll) + b.bottom };
    },

    /** At the end of the content: how high it is now, and whether a loading indicator says more is coming. */
    growth() {
      return { contentHeight: this.metrics().contentHeight, loading: this.loadingShown() };
    },

    /**
     * A loading indicator in the window: X shows a [role=progressbar] at the bottom of its timeline
     * while the next page loads (platforms.md), often before the request for it starts. Only
     * indeterminate ones: a bar with a value (reading progress, a video) says nothing is loading.
     */
    loadingShown() {
      for (const { el, dy } of deepAll(roots(), '[role="progressbar"]:not([aria-valuenow]), [aria-busy="true"], progress:not([value])')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && r.top + dy < innerHeight && r.bottom + dy > 0 && visible(el)) return true;
      }
      return false;
    },

    /**
     * Scrolls to offset y and resolves once the page has reacted: its IntersectionObservers have been
     * told (they are notified in one task, in the order they were made, so when an observer made now
     * is called, the page's have run), and a frame has been laid out. Resolves with the images in view
     * still loading.
     */
    scrollTo(y) {
      (scroller || window).scrollTo({ top: y, left: 0, behavior: 'instant' });
      return new Promise((resolve) => {
        const probe = new IntersectionObserver(() => {
          probe.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.__kanalarkiv.pendingImages())));
        });
        probe.observe(document.documentElement);
      });
    },

    /**
     * Readies the window for its picture: floating elements, expand buttons at or below the content
     * coordinate 'captured', a login wall or a bot check, and how far the page has moved since the last picture.
     * 'pushed' counts the history entries the clicks added (a single-page app showing another view).
     */
    prepareTile(first, captured, expandSelectors, expandTexts, way) {
      const rs = roots();
      // Walls appear after a few screens, often as fixed dialogs: look before anything is hidden.
      const wall = this.barrier(rs, way);
      if (wall) return { clicked: 0, pushed: 0, wall, shift: { move: 0, skipped: 0 } };
      this.floating(rs, first);
      const entries = history.length;
      const n = this.expand(rs, expandSelectors, expandTexts, captured - offset());
      return { clicked: n, pushed: history.length - entries, wall: this.barrier(rs, way), shift: this.anchorShift(captured) };
    },

    /**
     * Sticky elements are made to scroll with the page, so each part of them (a sticky header, or a
     * Facebook side column taller than the window) appears once, where it first scrolls into view.
     * After the first screen, fixed elements are hidden, and on an app shell everything beside the
     * scroller, so that bars and side panels are shown once and do not cover content.
     */
    floating(rs, first) {
      for (const el of ownElements(rs)) {
        if (unstuck.has(el) || hidden.has(el)) continue;
        const position = getComputedStyle(el).position;
        if (position === 'sticky') {
          unstuck.add(el);
          setStyle(el, 'position', 'relative');
          for (const side of ['top', 'right', 'bottom', 'left']) setStyle(el, side, 'auto');
        } else if (position === 'fixed' && !first && !(scroller && el.contains(scroller))) hide(el);
      }
      if (first || !scroller) return;
      for (let node = scroller; node.parentElement && node !== document.body; node = node.parentElement) {
        for (const sibling of node.parentElement.children) if (sibling !== node) hide(sibling);
      }
    },

    /**
     * Fixed elements in the lower half of the window that are no taller than two fifths of it: a
     * logged-out bar, a cookie bar that stays, a chat button. What lies under them is captured in the
     * next picture, and they are shown once, at the end.
     */
    bottomBars() {
      const b = band();
      const out = [];
      for (const el of ownElements(roots())) {
        if (hidden.has(el) || getComputedStyle(el).position !== 'fixed' || (scroller && el.contains(scroller))) continue;
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1 || r.top < innerHeight / 2 || r.top >= b.bottom || r.height > innerHeight * 0.4 || !visible(el)) continue;
        out.push({ el, top: Math.floor(r.top) });
      }
      return out;
    },

    /**
     * What the window shows from the content coordinate 'captured' down: rows, words, posts, post
     * dates, and the images in those rows still loading as the picture is about to be taken.
     */
    readTile(first, captured, maxRows, postSelector) {
      const m = this.metrics();
      const fromRow = captured - m.offset;
      let toRow = m.bandBottom;
      if (first) for (const bar of this.bottomBars()) toRow = Math.min(toRow, bar.top);
      toRow = Math.max(fromRow, Math.min(toRow, fromRow + maxRows));
      const rs = roots();
      return {
        metrics: m, fromRow, toRow, words: this.collectWords(rs, fromRow, toRow), posts: this.countPosts(rs, postSelector, fromRow, toRow),
        dates: this.postDates(rs, fromRow, toRow), pending: this.pendingImages(fromRow, toRow),
      };
    },

    /**
     * After a picture: how the page moved while it was taken (see anchorShift), and whether
     * it was still changing: the content grew or shrank, or an image in the picture's rows was still
     * loading (the words were read before the picture). When neither, the anchors are set at 'toRow'.
     */
    afterTile(captured, fromRow, toRow, contentHeight) {
      const shift = this.anchorShift(captured);
      const pending = this.pendingImages(fromRow, toRow);
      const unsettled = this.metrics().contentHeight !== contentHeight || pending > 0;
      if (shift.move === 0 && !unsettled) this.anchorAt(toRow);
      return { shift, unsettled, pending };
    },

    /**
     * Takes the elements at rows of the last picture, its last rows among them, as anchors that
     * show whether the content moves, and where each stood (content coordinates).
     */
    anchorAt(toRow) {
      const b = band();
      const bottom = Math.min(toRow, b.bottom) - 1;
      const height = bottom - b.top;
      const at = offset();
      anchors = [];
      // Near the last row often and thinly (a feed's loading indicator and its sentinel are there), and at the quarters.
      for (const y of [bottom, bottom - 30, bottom - 60, bottom - 120, bottom - height * 0.25, bottom - height * 0.5, bottom - height * 0.75].filter((r) => r >= b.top)) {
        for (const f of [0.5, 0.25, 0.75]) {
          for (const el of document.elementsFromPoint(b.left + (b.right - b.left) * f, y)) {
            if (el === document.documentElement || el === document.body || el === scroller) break;
            const r = el.getBoundingClientRect();
            // A feed's container grows with it and keeps its top; only an element near the row moves with the content.
            if (r.height > innerHeight * 2 || isFixed(el)) continue;
            if (!anchors.some((a) => a.el === el)) anchors.push({ el, top: r.top + at });
            break;
          }
        }
      }
    },

    /**
     * Where the capture goes on, given that it was to go on from content coordinate 'captured': how
     * far to move it ('move') and how many px of added content lie above it ('skipped'). When every
     * anchor moved by the same amount, content was added above the part already captured: the capture
     * follows the content and says what it skipped. When only the lower anchors moved, content was
     * added inside the last picture (a feed puts its next posts above its loading indicator): the
     * capture goes back to where it was added, repeating a strip rather than missing what the page holds.
     */
    anchorShift(captured) {
      const at = offset();
      // An anchor taken out of the page, or out of its layout (display: none), says nothing of where the content is.
      const live = anchors.filter((a) => a.el.isConnected && a.el.getClientRects().length > 0).map((a) => ({ a, now: a.el.getBoundingClientRect().top + at }));
      if (live.length === 0) return { move: 0, skipped: 0 };
      const least = Math.round(Math.min(...live.map(({ a, now }) => now - a.top)));
      let from = captured + least;
      for (const { a, now } of live) if (Math.round(now - a.top) > least) from = Math.min(from, Math.round(a.top + least));
      for (const l of live) l.a.top = l.now;
      return { move: from - captured, skipped: Math.max(0, least) };
    },

    /**
     * Readies the strip below the content, shown once at the end: the bars along the bottom, and on
     * an app shell what lies below the scroller. The content is hidden, so nothing it shows appears
     * twice. Returns the strip's top row, or null when there is no strip.
     */
    prepareTail() {
      for (const el of hidden) resetStyle(el, 'visibility');
      hidden.clear();
      const bars = this.bottomBars();
      const top = Math.min(band().bottom, ...bars.map((bar) => bar.top));
      if (top >= innerHeight) return null;
      setStyle(scroller || document.body, 'visibility', 'hidden');
      for (const bar of bars) setStyle(bar.el, 'visibility', 'visible');
      return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(top))));
    },

    /** The visible words of rows [fromRow, innerHeight), for the strip. */
    tailWords(fromRow) {
      return this.collectWords(roots(), fromRow, innerHeight);
    },

    /** Gives the page back as it was, for the saved MHTML copy. */
    restore() {
      for (const [el, props] of changed) for (const prop of [...props.keys()]) resetStyle(el, prop);
      changed.clear();
      hidden.clear();
      unstuck.clear();
      anchors = [];
    },

    /**
     * Date labels of posts whose top lies in rows [fromRow, toRow): <time datetime> values, and short
     * leaf texts that look like "3 d", "2 v", "5 tim" or "14 april" (read in Node).
     */
    postDates(rs, fromRow, toRow) {
      const inRows = ({ el, dy }) => {
        const top = el.getBoundingClientRect().top + dy;
        return top >= fromRow && top < toRow && visible(el);
      };
      const labels = [];
      for (const item of deepAll(rs, 'time[datetime]')) if (inRows(item)) labels.push(item.el.getAttribute('datetime'));
      const looksLikeDate = /^(\d{1,3}\s?[a-zåäö]{1,6}\.?|\d{1,2}\s+[a-zåäö]{3,9}\.?(\s+\d{4})?|[a-z]{3,9}\.?\s+\d{1,2},?(\s+\d{4})?)$/i;
      for (const item of deepAll(rs, 'a, span, abbr')) {
        const { el } = item;
        if (el.childElementCount > 0 || el.closest('time')) continue;
        const text = (el.textContent || '').trim();
        if (text.length > 0 && text.length <= 20 && looksLikeDate.test(text) && inRows(item)) labels.push(text);
      }
      return labels;
    },

    /** Native lazy loading waits for the viewport; we want every image and embed, so make them eager. */
    eagerImages() {
      for (const { el } of deepAll(roots(), 'img[loading="lazy"], iframe[loading="lazy"]')) el.loading = 'eager';
    },

    /**
     * Images in rows [fromRow, toRow) of the window (all of it by default) that have not finished
     * loading: those with a source still loading, and those a lazy loader has yet to give their source
     * (data-src, the convention of lazysizes and hand-written IntersectionObserver loaders), which it
     * does only a frame or two after they come into view.
     */
    pendingImages(fromRow = 0, toRow = innerHeight) {
      let n = 0;
      for (const { el, dy } of deepAll(roots(), 'img')) {
        const awaitingSource = !el.getAttribute('src') && (el.dataset.src || el.dataset.srcset);
        if (!awaitingSource && (el.complete || !el.currentSrc && !el.src)) continue;
        const r = el.getBoundingClientRect();
        if (r.bottom + dy > fromRow && r.top + dy < toRow && r.width > 0 && r.height > 0) n++;
      }
      return n;
    },

    /** Frames with a web address that have not loaded: they still hold the empty document they start with. */
    unloadedFrames() {
      const out = [];
      for (const { el } of deepAll(roots(), 'iframe, frame')) {
        if (!/^https?:/.test(el.src)) continue;
        let doc = null;
        try { doc = el.contentDocument; } catch (e) { doc = null; }
        if (doc && doc.URL === 'about:blank') out.push(el.src);
      }
      return out;
    },

    /**
     * Frames of another site that show on the page: they are in the picture, but their document
     * cannot be read from this one, so their text is not in the text layer.
     */
    crossSiteFrames() {
      const out = [];
      for (const { el } of deepAll(roots(), 'iframe, frame')) {
        let doc = null;
        try { doc = el.contentDocument; } catch (e) { doc = null; }
        const r = el.getBoundingClientRect();
        if (!doc && r.width >= 50 && r.height >= 50 && visible(el)) out.push(el.src);
      }
      return out;
    },

    /** Resolves once the DOM has been still for quietMs, or after maxMs. */
    waitQuiet(quietMs, maxMs) {
      return new Promise((resolve) => {
        let last = performance.now();
        const start = last;
        const observer = new MutationObserver(() => { last = performance.now(); });
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
    },

    /**
     * Waits until the first post is in the page, or something that stands in the channel's way
     * (a wall, a check) shows, at most maxMs. Social platforms draw their feed by script after the
     * page has loaded and gone quiet: Instagram's grid comes well after its main element.
     */
    firstPost(postSelector, way, maxMs) {
      return new Promise((resolve) => {
        const start = performance.now();
        const tick = () => {
          const rs = roots();
          const found = deepAll(rs, postSelector).length > 0 || this.shows(rs, [...way.login, ...way.block]) || this.wallText(rs, [...way.texts, ...way.blockTexts]);
          if (found || performance.now() - start >= maxMs) resolve(found);
          else setTimeout(tick, 100);
        };
        tick();
      });
    },

    /** Visible words whose top lies in rows [fromRow, toRow) of the window: [text, x, y, width, height]. */
    collectWords(rs, fromRow, toRow) {
      const out = [];
      for (const { root, dx, dy, clip } of rs) {
        const start = textRoot(root);
        const top = clip ? Math.max(fromRow, clip.top) : fromRow;
        const bottom = clip ? Math.min(toRow, clip.bottom) : toRow;
        if (!start || top >= bottom) continue;
        const left = clip ? clip.left : 0;
        const right = clip ? clip.right : innerWidth;
        const doc = root.ownerDocument || root;
        const walker = doc.createTreeWalker(start, NodeFilter.SHOW_TEXT);
        const range = doc.createRange();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const s = node.nodeValue;
          if (!s || !/\S/.test(s)) continue;
          const parent = node.parentElement;
          if (!parent || SKIP_TAGS.has(parent.tagName)) continue;
          const pr = parent.getBoundingClientRect();
          if (pr.bottom + dy <= top || pr.top + dy >= bottom) continue;
          if (!visible(parent)) continue;
          wordBoxes(node, range, (text, r) => {
            const y = r.top + dy;
            const x = r.left + dx;
            if (y < top || y >= bottom || x + r.width < left || x > right) return;
            out.push([text, round(x), round(y), round(r.width), round(r.height)]);
          });
        }
      }
      return out;
    },

    /**
     * Clicks "see more" and "more comments" buttons whose top lies at or below row fromRow. Never a
     * link, and never a button that would submit or reset a form (EPiServer and ASP.NET sites wrap the
     * whole page in one form, so being inside a form says nothing); a type=button button or a
     * role=button element only runs the page's script. Returns how many were clicked.
     */
    expand(rs, selectors, texts, fromRow) {
      const patterns = texts.map(([source, flags]) => new RegExp(source, flags));
      const bySelector = new Set(selectors.length ? deepAll(rs, selectors.join(',')).map((m) => m.el) : []);
      let n = 0;
      for (const { el, dy, clip } of deepAll(rs, 'button, [role="button"], summary')) {
        if (clicked.has(el) || el.closest('a[href]')) continue;
        if (el.localName === 'button' && el.form && el.type !== 'button') continue;
        if (!bySelector.has(el)) {
          const label = (el.innerText || el.textContent || '').trim();
          if (label.length === 0 || label.length > 40 || !patterns.some((p) => p.test(label))) continue;
        }
        const r = el.getBoundingClientRect();
        const top = r.top + dy;
        if (top < fromRow - 1 || top >= innerHeight || r.bottom + dy <= 0 || r.width === 0 || !visible(el)) continue;
        if (clip && (top < clip.top || top >= clip.bottom)) continue;
        clicked.add(el);
        el.click();
        n++;
      }
      return n;
    },

    /**
     * Finds the comment or post a link points at (a platform's CommentTarget, or a selector): with
     * a link selector, the closest element around the first matching link; else the first element.
     * The post around it (postSelector) is its context. Returns whether one was found.
     */
    chooseTarget(target, postSelector) {
      const rs = roots();
      chosen = null;
      if (target.link) {
        for (const { el } of deepAll(rs, target.link)) {
          const around = el.closest(target.element);
          if (around) { chosen = around; break; }
        }
      } else chosen = deepAll(rs, target.element).map((m) => m.el).find((el) => visible(el)) || null;
      chosenContext = chosen && chosen.parentElement ? chosen.parentElement.closest(postSelector) : null;
      if (chosen) chosen.scrollIntoView({ block: 'center', behavior: 'instant' });
      return chosen !== null;
    },

    /**
     * "Välj på sidan": the page owner points at the comment. Hovering outlines the comment or post
     * under the pointer (the closest of the candidates, else the element itself); a click chooses it
     * and does nothing else on the page. The outline and the hint are gone before any picture.
     */
    pickTarget(candidates, postSelector, hint) {
      return new Promise((resolve) => {
        const box = document.createElement('div');
        Object.assign(box.style, { position: 'fixed', pointerEvents: 'none', border: '3px solid #d00', background: 'rgba(221,0,0,.08)', zIndex: '2147483647', display: 'none' });
        const banner = document.createElement('div');
        banner.textContent = hint;
        Object.assign(banner.style, { position: 'fixed', top: '0', left: '0', right: '0', padding: '10px 16px', background: '#0b3d6e', color: '#fff', font: '16px sans-serif', zIndex: '2147483647', pointerEvents: 'none' });
        document.body.append(box, banner);
        const candidate = (el) => (el && el.closest && (el.closest(candidates) || el)) || null;
        const move = (event) => {
          const el = candidate(event.target);
          if (!el || el === document.body || el === document.documentElement) { box.style.display = 'none'; return; }
          const r = el.getBoundingClientRect();
          Object.assign(box.style, { display: 'block', left: (r.left - 3) + 'px', top: (r.top - 3) + 'px', width: (r.width + 6) + 'px', height: (r.height + 6) + 'px' });
        };
        const swallow = (event) => { event.preventDefault(); event.stopPropagation(); };
        const click = (event) => {
          swallow(event);
          const el = candidate(event.target);
          if (!el || el === document.body || el === document.documentElement) return;
          for (const [type, fn] of listeners) removeEventListener(type, fn, true);
          box.remove();
          banner.remove();
          chosen = el;
          chosenContext = el.parentElement ? el.parentElement.closest(postSelector) : null;
          resolve(true);
        };
        const listeners = [['mousemove', move], ['mouseover', move], ['click', click], ['mousedown', swallow], ['mouseup', swallow], ['pointerdown', swallow], ['pointerup', swallow]];
        for (const [type, fn] of listeners) addEventListener(type, fn, true);
      });
    },

    /** Clicks the "see more" buttons inside the chosen comment and its post. */
    expandChosen(selectors, texts) {
      const within = [chosen, chosenContext].filter(Boolean).map((root) => ({ root, dx: 0, dy: 0, clip: null }));
      return this.expand(within, selectors, texts, -Infinity);
    },

    /**
     * What the chosen comment shows: its text, its author's name and link (authorSelector, or its
     * first link with words), the time as shown and the exact time where the page has one, and the
     * text of the post around it.
     */
    describeChosen(authorSelector) {
      const el = chosen;
      const text = (el.innerText || '').trim();
      const links = [...el.querySelectorAll('a[href]')];
      const named = (a) => (a.innerText || '').trim().length > 0 && !a.querySelector('time') && !/^\d/.test((a.innerText || '').trim());
      const author = (authorSelector && el.querySelector(authorSelector)) || links.find(named) || null;
      const time = el.querySelector('time');
      const utime = el.querySelector('abbr[data-utime]');
      let exactTime = time ? time.getAttribute('datetime') : null;
      if (!exactTime && utime) exactTime = new Date(Number(utime.getAttribute('data-utime')) * 1000).toISOString();
      const timeLink = links.find((a) => /^\d{1,3}\s?[a-zåäö]{1,6}\.?$/i.test((a.innerText || '').trim()));
      const shown = time ? (time.innerText || time.textContent || '').trim() : utime ? (utime.innerText || '').trim() : timeLink ? timeLink.innerText.trim() : null;
      return {
        text,
        author: { name: author ? (author.innerText || '').trim().split('\n')[0] : null, profileUrl: author ? author.href : null },
        shownTime: shown || null,
        exactTime: exactTime || null,
        contextText: chosenContext ? (chosenContext.innerText || '').trim() : null,
      };
    },

    /** The chosen comment ('comment') or the post around it ('context'), for a picture of it. */
    chosenElement(which) {
      return which === 'context' ? chosenContext : chosen;
    },

    /** The visible words inside an element, placed relative to its top left corner: [text, x, y, width, height]. */
    wordsIn(el) {
      const box = el.getBoundingClientRect();
      const out = [];
      const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const range = el.ownerDocument.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const s = node.nodeValue;
        const parent = node.parentElement;
        if (!s || !/\S/.test(s) || !parent || SKIP_TAGS.has(parent.tagName) || !visible(parent)) continue;
        wordBoxes(node, range, (text, r) => out.push([text, round(r.left - box.left), round(r.top - box.top), round(r.width), round(r.height)]));
      }
      return out;
    },

    /**
     * Outlines the chosen comment in red over the post around it, for the picture of the post, in a
     * layer of its own that changes nothing of the page's layout; off again when asked.
     */
    outlineChosen(on) {
      const id = '__kanalarkiv-outline';
      document.getElementById(id)?.remove();
      if (!on || !chosen) return;
      const r = chosen.getBoundingClientRect();
      const mark = document.createElement('div');
      mark.id = id;
      Object.assign(mark.style, { position: 'absolute', left: (r.left + scrollX - 3) + 'px', top: (r.top + scrollY - 3) + 'px', width: (r.width + 6) + 'px', height: (r.height + 6) + 'px', border: '3px solid #d00', boxSizing: 'border-box', pointerEvents: 'none', zIndex: '2147483647' });
      document.body.append(mark);
    },

    /** Posts whose top lies in rows [fromRow, toRow). */
    countPosts(rs, selector, fromRow, toRow) {
      let n = 0;
      for (const { el, dy } of deepAll(rs, selector)) {
        const top = el.getBoundingClientRect().top + dy;
        if (top >= fromRow && top < toRow) n++;
      }
      return n;
    },

    /** Posts in the page as it is now, shadow roots and frames included, as the saved MHTML copy holds them. */
    postsInDocument(selector) {
      return deepAll(roots(), selector).length;
    },

    /**
     * What stands between a reader and the channel: 'login' when a login-wall selector or text
     * matches a visible element (or one only we have hidden), 'closing' when it could be closed and
     * its close button was just clicked, 'blocked' when a bot-check selector matches, else null.
     * 'way' holds the platform's selectors (access.ts, barrierArguments).
     */
    barrier(rs, way) {
      const all = rs || roots();
      if (this.shows(all, way.login) || this.wallText(all, way.texts)) {
        // A dialog a logged-out visitor may close is closed, once per close button; one that stays is a wall.
        const close = way.dismiss.length ? deepAll(all, way.dismiss.join(',')).find(({ el }) => !clicked.has(el) && (visible(el) || hiddenByUs(el))) : null;
        if (!close) return 'login';
        clicked.add(close.el);
        close.el.click();
        loginDialogs++;
        return 'closing';
      }
      if (this.shows(all, way.block) || this.wallText(all, way.blockTexts)) return 'blocked';
      return null;
    },

    /** How many login dialogs were closed in this document. */
    loginDialogsClosed() {
      return loginDialogs;
    },

    /** Whether one of the selectors matches an element that is visible, or that only we have hidden. */
    shows(rs, selectors) {
      return selectors.some((s) => deepAll(rs, s).some(({ el }) => visible(el) || hiddenByUs(el)));
    },

    /** Whether a visible text is, as a whole, one of the wall texts ([source, flags] pairs). */
    wallText(rs, texts) {
      if (texts.length === 0) return false;
      const patterns = texts.map(([source, flags]) => new RegExp(source, flags));
      for (const { root } of rs) {
        const start = textRoot(root);
        if (!start) continue;
        const walker = (root.ownerDocument || root).createTreeWalker(start, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = (node.nodeValue || '').trim();
          if (text.length === 0 || text.length > 200) continue;
          const parent = node.parentElement;
          if (parent && patterns.some((p) => p.test(text)) && visible(parent)) return true;
        }
      }
      return false;
    },

    /** True when nothing would show: no visible text and no visible image, video, canvas or svg, in any root. */
    isBlank() {
      const rs = roots();
      for (const { root } of rs) {
        const start = textRoot(root);
        if (!start) continue;
        const walker = (root.ownerDocument || root).createTreeWalker(start, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (/\S/.test(node.nodeValue || '') && parent && !SKIP_TAGS.has(parent.tagName) && visible(parent) && parent.getClientRects().length > 0) return false;
        }
      }
      for (const { el } of deepAll(rs, 'img, video, canvas, svg, iframe, embed, object')) {
        const r = el.getBoundingClientRect();
        if (r.width >= 16 && r.height >= 16 && visible(el)) return false;
      }
      return true;
    },
  };
})();
`;
