/**
 * Code that runs inside the captured page. It is kept as plain JavaScript source, not as TypeScript
 * functions handed to page.evaluate, because bundlers rewrite functions (helper calls such as
 * `__name`) in ways that break once the source is sent to the browser.
 *
 * All positions are CSS pixels in document coordinates (viewport position + scrollY).
 */
export const PAGE_HELPERS = String.raw`
(() => {
  if (window.__kanalarkiv) return;
  const HIDDEN = 'data-kanalarkiv-hidden';
  const CLICKED = 'data-kanalarkiv-expanded';
  const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);
  const visible = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });

  window.__kanalarkiv = {
    metrics() {
      const se = document.scrollingElement || document.documentElement;
      return {
        scrollY: window.scrollY,
        innerHeight: window.innerHeight,
        innerWidth: window.innerWidth,
        scrollHeight: Math.max(se.scrollHeight, document.body ? document.body.scrollHeight : 0),
      };
    },

    /**
     * Scrolls to y and resolves once the page has reacted: its IntersectionObservers have been told
     * (they are notified in one task, in the order they were made, so when an observer made now is
     * called, the page's have run), and a frame has been laid out. Resolves with the images in view
     * still loading.
     */
    scrollTo(y) {
      window.scrollTo({ top: y, left: 0, behavior: 'instant' });
      return new Promise((resolve) => {
        const probe = new IntersectionObserver(() => {
          probe.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.__kanalarkiv.pendingImages())));
        });
        probe.observe(document.documentElement);
      });
    },

    /** Readies the viewport for its picture: hides floating bars, expands posts, looks for a login wall. */
    prepareTile(hide, expandSelectors, expandTexts, loginSelectors) {
      if (hide) this.hideFloating();
      return { clicked: this.expand(expandSelectors, expandTexts), wall: this.loginWall(loginSelectors) };
    },

    /** What the viewport shows of the page from fromY down: its words, posts and post dates, and where it stands. */
    readTile(fromY, maxY, postSelector) {
      const metrics = this.metrics();
      const toY = Math.min(metrics.scrollY + metrics.innerHeight, maxY);
      return { metrics, words: this.collectWords(fromY, toY), posts: this.countPosts(postSelector, fromY, toY), dates: this.postDates(fromY, toY) };
    },

    /**
     * Date labels of posts whose top lies in [fromY, toY): <time datetime> values, and short leaf
     * texts that look like "3 d", "2 v", "5 tim" or "14 april" (read in Node).
     */
    postDates(fromY, toY) {
      const sy = window.scrollY;
      const inRegion = (el) => {
        const top = el.getBoundingClientRect().top + sy;
        return top >= fromY && top < toY && visible(el);
      };
      const labels = [];
      for (const el of document.querySelectorAll('time[datetime]')) if (inRegion(el)) labels.push(el.getAttribute('datetime'));
      const looksLikeDate = /^(\d{1,3}\s?[a-zåäö]{1,6}\.?|\d{1,2}\s+[a-zåäö]{3,9}\.?(\s+\d{4})?|[a-z]{3,9}\.?\s+\d{1,2},?(\s+\d{4})?)$/i;
      for (const el of document.querySelectorAll('a, span, abbr')) {
        if (el.childElementCount > 0 || el.closest('time')) continue;
        const text = (el.textContent || '').trim();
        if (text.length > 0 && text.length <= 20 && looksLikeDate.test(text) && inRegion(el)) labels.push(text);
      }
      return labels;
    },

    /** Native lazy loading waits for the viewport; we want every image, so make them eager. */
    eagerImages() {
      for (const el of document.querySelectorAll('img[loading="lazy"], iframe[loading="lazy"]')) el.loading = 'eager';
    },

    /** Images in the viewport that have a source but have not finished loading. */
    pendingImages() {
      let n = 0;
      for (const img of document.images) {
        if (img.complete || !img.currentSrc && !img.src) continue;
        const r = img.getBoundingClientRect();
        if (r.bottom > 0 && r.top < window.innerHeight && r.width > 0 && r.height > 0) n++;
      }
      return n;
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
     * Hides fixed elements, and sticky ones that are stuck to an edge, so that headers and bars
     * do not repeat in every stitched tile. Sticky ones are re-judged on every call.
     */
    hideFloating() {
      for (const el of document.querySelectorAll('[' + HIDDEN + '="sticky"]')) {
        el.style.removeProperty('visibility');
        el.removeAttribute(HIDDEN);
      }
      let n = 0;
      const all = document.body ? document.body.getElementsByTagName('*') : [];
      for (const el of all) {
        if (el.hasAttribute(HIDDEN)) continue;
        const cs = getComputedStyle(el);
        if (cs.position === 'sticky') {
          const r = el.getBoundingClientRect();
          const top = parseFloat(cs.top);
          const bottom = parseFloat(cs.bottom);
          const stuck = (!isNaN(top) && Math.abs(r.top - top) < 1.5) || (!isNaN(bottom) && Math.abs(window.innerHeight - r.bottom - bottom) < 1.5);
          if (!stuck) continue;
          el.setAttribute(HIDDEN, 'sticky');
        } else if (cs.position === 'fixed') {
          el.setAttribute(HIDDEN, 'fixed');
        } else continue;
        el.style.setProperty('visibility', 'hidden', 'important');
        n++;
      }
      return n;
    },

    /** Undoes hideFloating, so the saved MHTML copy shows the page as it was. */
    restoreFloating() {
      for (const el of document.querySelectorAll('[' + HIDDEN + ']')) {
        el.style.removeProperty('visibility');
        el.removeAttribute(HIDDEN);
      }
    },

    /** Visible words whose top lies in [fromY, toY): [text, x, y, width, height]. */
    collectWords(fromY, toY) {
      const sy = window.scrollY;
      const out = [];
      if (!document.body) return out;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      const word = /\S+/g;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const s = node.nodeValue;
        if (!s || !/\S/.test(s)) continue;
        const parent = node.parentElement;
        if (!parent || SKIP_TAGS.has(parent.tagName)) continue;
        const pr = parent.getBoundingClientRect();
        if (pr.bottom + sy <= fromY || pr.top + sy >= toY) continue;
        if (!visible(parent)) continue;
        word.lastIndex = 0;
        for (let m = word.exec(s); m; m = word.exec(s)) {
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const r = range.getClientRects()[0];
          if (!r || r.width < 0.5 || r.height < 0.5) continue;
          const y = r.top + sy;
          if (y < fromY || y >= toY || r.right < 0 || r.left > window.innerWidth) continue;
          out.push([m[0], Math.round(r.left * 10) / 10, Math.round(y * 10) / 10, Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10]);
        }
      }
      return out;
    },

    /**
     * Clicks "see more" and "more comments" buttons in the viewport. Only buttons, never links, so a
     * click cannot take the browser away from the channel. Returns how many were clicked.
     */
    expand(selectors, texts) {
      const patterns = texts.map(([source, flags]) => new RegExp(source, flags));
      const bySelector = selectors.length ? new Set(document.querySelectorAll(selectors.join(','))) : new Set();
      let n = 0;
      for (const el of document.querySelectorAll('button, [role="button"], summary')) {
        if (el.hasAttribute(CLICKED) || el.closest('a[href]') || el.closest('form')) continue;
        if (!bySelector.has(el)) {
          const label = (el.innerText || '').trim();
          if (label.length === 0 || label.length > 40 || !patterns.some((p) => p.test(label))) continue;
        }
        const r = el.getBoundingClientRect();
        if (r.bottom <= 0 || r.top >= window.innerHeight || r.width === 0 || !visible(el)) continue;
        el.setAttribute(CLICKED, '');
        el.click();
        n++;
      }
      return n;
    },

    /** Elements matching the post selector whose top lies in [fromY, toY). */
    countPosts(selector, fromY, toY) {
      const sy = window.scrollY;
      let n = 0;
      for (const el of document.querySelectorAll(selector)) {
        const top = el.getBoundingClientRect().top + sy;
        if (top >= fromY && top < toY) n++;
      }
      return n;
    },

    /** The first login-wall selector that matches a visible element, or null. */
    loginWall(selectors) {
      for (const s of selectors) {
        for (const el of document.querySelectorAll(s)) if (visible(el)) return s;
      }
      return null;
    },

    /** True when nothing would show: no visible text and no visible image, video, canvas or svg. */
    isBlank() {
      if (!document.body) return true;
      if ((document.body.innerText || '').trim().length > 0) return false;
      for (const el of document.querySelectorAll('img, video, canvas, svg, iframe, embed, object')) {
        const r = el.getBoundingClientRect();
        if (r.width >= 16 && r.height >= 16 && visible(el)) return false;
      }
      return true;
    },
  };
})();
`;
