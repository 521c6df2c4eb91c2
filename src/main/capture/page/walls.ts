import type { Barrier } from './api';
import type { Root } from './roots';
import { deepAll, roots, textNodes, visible } from './roots';
import { clicked, compile, config, hidden, state } from './state';
import { withoutOurHiding } from './styles';

/** Login walls, bot checks, and login dialogs a logged-out visitor may close. */

/**
 * Whether an element is shown, or would be but for us: a wall we hid with the fixed elements of
 * the first screen still counts. One the page hid itself (a dialog dismissed with visibility:
 * hidden, as LinkedIn's guest modal is) does not, even where we hid it too.
 */
function shown(el: Element): boolean {
  if (visible(el)) return true;
  const ours = [...hidden].filter((h) => h.contains(el));
  return ours.length > 0 && withoutOurHiding(ours, () => visible(el));
}

/** Whether one of the selectors matches an element that is shown (see shown). */
function shows(rs: Root[], selectors: string[]): boolean {
  return selectors.some((s) => deepAll(rs, s).some(({ el }) => shown(el)));
}

const inDialog = (el: Element) => el.closest('[role="dialog"], [role="alertdialog"], dialog') !== null;

/** Whether a shown text is, as a whole, one of the wall texts ([source, flags] pairs); with `where`, only in such an element. */
function wallText(rs: Root[], texts: Array<[string, string]>, where: (el: Element) => boolean = () => true): boolean {
  if (texts.length === 0) return false;
  const patterns = compile(texts);
  for (const { root } of rs) {
    for (const node of textNodes(root)) {
      const text = (node.nodeValue || '').trim();
      if (text.length === 0 || text.length > 200) continue;
      const parent = node.parentElement;
      if (parent && patterns.some((p) => p.test(text)) && where(parent) && shown(parent)) return true;
    }
  }
  return false;
}

/** A login wall: by selector, by its whole text, or by its text in a dialog. */
const loginWall = (rs: Root[], way: ReturnType<typeof config>['way']) => shows(rs, way.login) || wallText(rs, way.texts) || wallText(rs, way.dialogTexts, inDialog);

/**
 * What stands between a reader and the channel: 'login' when a login-wall selector or text
 * matches a visible element (or one only we have hidden), 'closing' when it could be closed and
 * its close button was just clicked, 'blocked' when a bot-check selector or text matches, else null.
 */
export function barrier(rs: Root[] = roots()): Barrier {
  const { way } = config();
  if (loginWall(rs, way)) {
    // A dialog a logged-out visitor may close is closed, once per close button; one that stays is a wall.
    const close = way.dismiss.length ? deepAll(rs, way.dismiss.join(',')).find(({ el }) => !clicked.has(el) && shown(el)) : undefined;
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
      const found = deepAll(rs, selector).length > 0 || loginWall(rs, way) || shows(rs, way.block) || wallText(rs, way.blockTexts);
      if (found || performance.now() - start >= maxMs) resolve(found);
      else setTimeout(tick, 100);
    };
    tick();
  });
}
