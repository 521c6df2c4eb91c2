import type { Barrier } from './api';
import type { Root } from './roots';
import { deepAll, roots, textNodes, visible } from './roots';
import { clicked, compile, config, hidden, state } from './state';

/** Login walls, bot checks, and login dialogs a logged-out visitor may close. */

/** A wall we hid ourselves, with the fixed elements of the first screen, still counts as shown. */
const hiddenByUs = (el: Element) => [...hidden].some((h) => h.contains(el)) && el.checkVisibility({ opacityProperty: true });

/** Whether one of the selectors matches an element that is visible, or that only we have hidden. */
function shows(rs: Root[], selectors: string[]): boolean {
  return selectors.some((s) => deepAll(rs, s).some(({ el }) => visible(el) || hiddenByUs(el)));
}

/** Whether a visible text is, as a whole, one of the wall texts ([source, flags] pairs). */
function wallText(rs: Root[], texts: Array<[string, string]>): boolean {
  if (texts.length === 0) return false;
  const patterns = compile(texts);
  for (const { root } of rs) {
    for (const node of textNodes(root)) {
      const text = (node.nodeValue || '').trim();
      if (text.length === 0 || text.length > 200) continue;
      const parent = node.parentElement;
      if (parent && patterns.some((p) => p.test(text)) && visible(parent)) return true;
    }
  }
  return false;
}

/**
 * What stands between a reader and the channel: 'login' when a login-wall selector or text
 * matches a visible element (or one only we have hidden), 'closing' when it could be closed and
 * its close button was just clicked, 'blocked' when a bot-check selector or text matches, else null.
 */
export function barrier(rs: Root[] = roots()): Barrier {
  const { way } = config();
  if (shows(rs, way.login) || wallText(rs, way.texts)) {
    // A dialog a logged-out visitor may close is closed, once per close button; one that stays is a wall.
    const close = way.dismiss.length ? deepAll(rs, way.dismiss.join(',')).find(({ el }) => !clicked.has(el) && (visible(el) || hiddenByUs(el))) : undefined;
    if (!close) return 'login';
    clicked.add(close.el);
    (close.el as HTMLElement).click();
    state.loginDialogs++;
    return 'closing';
  }
  if (shows(rs, way.block) || wallText(rs, way.blockTexts)) return 'blocked';
  return null;
}

/**
 * Waits until the first post (or the saved comment: selector) is in the page, or something that
 * stands in the channel's way (a wall, a check) shows, at most maxMs. Social platforms draw their
 * feed by script after the page has loaded and gone quiet: Instagram's grid comes well after its
 * main element.
 */
export function firstPost(selector: string, maxMs: number): Promise<boolean> {
  const { way } = config();
  return new Promise((resolve) => {
    const start = performance.now();
    const tick = () => {
      const rs = roots();
      const found = deepAll(rs, selector).length > 0 || shows(rs, [...way.login, ...way.block]) || wallText(rs, [...way.texts, ...way.blockTexts]);
      if (found || performance.now() - start >= maxMs) resolve(found);
      else setTimeout(tick, 100);
    };
    tick();
  });
}
