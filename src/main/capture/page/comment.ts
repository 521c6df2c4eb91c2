import type { CommentTarget } from '../../platforms/platform';
import type { Chosen, ChosenComment, RawWord } from './api';
import { expand } from './expand';
import { deepAll, roots, visible } from './roots';
import { config, state } from './state';
import { wordsIn } from './words';

/** Choosing the comment or post a saved comment is of, and reading what it shows. */

const choose = (el: Element | null) => {
  state.chosen = el;
  state.chosenContext = el?.parentElement ? el.parentElement.closest(config().postSelector) : null;
};

/**
 * Finds the comment or post a link points at (a platform's CommentTarget, or a selector): with
 * a link selector, the closest element around the first matching link; else the first visible
 * element. The post around it is its context. Returns whether one was found.
 */
export function chooseTarget(target: CommentTarget): boolean {
  const rs = roots();
  const found = target.link
    ? (deepAll(rs, target.link).map(({ el }) => el.closest(target.element)).find((around) => around !== null) ?? null)
    : (deepAll(rs, target.element).map((m) => m.el).find((el) => visible(el)) ?? null);
  choose(found);
  found?.scrollIntoView({ block: 'center', behavior: 'instant' });
  return found !== null;
}

/**
 * "Välj på sidan": the page owner points at the comment. Hovering outlines the comment or post
 * under the pointer (the closest of the candidates, else the element itself); a click chooses it
 * and does nothing else on the page. The outline and the hint are gone before any picture.
 */
export function pickTarget(candidates: string, hint: string): Promise<boolean> {
  return new Promise((resolve) => {
    const box = document.createElement('div');
    Object.assign(box.style, { position: 'fixed', pointerEvents: 'none', border: '3px solid #d00', background: 'rgba(221,0,0,.08)', zIndex: '2147483647', display: 'none' });
    const banner = document.createElement('div');
    banner.textContent = hint;
    Object.assign(banner.style, { position: 'fixed', top: '0', left: '0', right: '0', padding: '10px 16px', background: '#0b3d6e', color: '#fff', font: '16px sans-serif', zIndex: '2147483647', pointerEvents: 'none' });
    document.body.append(box, banner);
    const candidate = (target: EventTarget | null) => {
      if (!(target instanceof Element)) return null;
      const el = target.closest(candidates) ?? target;
      return el === document.body || el === document.documentElement ? null : el;
    };
    const move = (event: Event) => {
      const el = candidate(event.target);
      if (!el) {
        box.style.display = 'none';
        return;
      }
      const r = el.getBoundingClientRect();
      Object.assign(box.style, { display: 'block', left: `${r.left - 3}px`, top: `${r.top - 3}px`, width: `${r.width + 6}px`, height: `${r.height + 6}px` });
    };
    const swallow = (event: Event) => {
      event.preventDefault();
      event.stopPropagation();
    };
    const click = (event: Event) => {
      swallow(event);
      const el = candidate(event.target);
      if (!el) return;
      for (const [type, fn] of listeners) removeEventListener(type, fn, true);
      box.remove();
      banner.remove();
      choose(el);
      resolve(true);
    };
    const listeners: Array<[string, (event: Event) => void]> = [['mousemove', move], ['mouseover', move], ['click', click], ['mousedown', swallow], ['mouseup', swallow], ['pointerdown', swallow], ['pointerup', swallow]];
    for (const [type, fn] of listeners) addEventListener(type, fn, true);
  });
}

/** Whether the comment chosen is still in the page (a thread drawn anew replaces its elements). */
export const chosenShown = () => state.chosen?.isConnected === true;

export const chosenElement = (which: Chosen) => (which === 'context' ? state.chosenContext : state.chosen);

/** Clicks the "see more" buttons inside the chosen comment and its post. */
export function expandChosen(): number {
  const within = [state.chosen, state.chosenContext].filter((el) => el !== null).map((root) => ({ root, dx: 0, dy: 0, clip: null }));
  return expand(within, -Infinity);
}

/**
 * What the chosen comment shows: its text, its author's name and link (the platform's author
 * selector, or its first link with words), the time as shown and the exact time where the page
 * has one, and the text of the post around it.
 */
export function describeChosen(): ChosenComment {
  const el = state.chosen as HTMLElement;
  const { authorSelector } = config();
  const shownText = (e: Element | null | undefined) => ((e as HTMLElement | null)?.innerText ?? '').trim();
  const links = [...el.querySelectorAll('a[href]')] as HTMLAnchorElement[];
  const named = (a: HTMLAnchorElement) => shownText(a).length > 0 && !a.querySelector('time') && !/^\d/.test(shownText(a));
  const author = ((authorSelector && el.querySelector(authorSelector)) as HTMLAnchorElement | null) || links.find(named) || null;
  const time = el.querySelector('time');
  const utime = el.querySelector('abbr[data-utime]');
  let exactTime = time ? time.getAttribute('datetime') : null;
  if (!exactTime && utime) exactTime = new Date(Number(utime.getAttribute('data-utime')) * 1000).toISOString();
  const timeLink = links.find((a) => /^\d{1,3}\s?[a-zåäö]{1,6}\.?$/i.test(shownText(a)));
  const shown = time ? shownText(time) || (time.textContent ?? '').trim() : utime ? shownText(utime) : timeLink ? shownText(timeLink) : null;
  return {
    text: shownText(el),
    author: { name: author ? (shownText(author).split('\n')[0] ?? null) : null, profileUrl: author?.href ?? null },
    shownTime: shown || null,
    exactTime: exactTime || null,
    contextText: state.chosenContext ? shownText(state.chosenContext) : null,
  };
}

export function wordsInChosen(which: Chosen): RawWord[] {
  const el = chosenElement(which);
  return el ? wordsIn(el) : [];
}

/**
 * Outlines the chosen comment in red over the post around it, for the picture of the post, in a
 * layer of its own that changes nothing of the page's layout; off again when asked.
 */
export function outlineChosen(on: boolean): void {
  const id = '__kanalarkiv-outline';
  document.getElementById(id)?.remove();
  if (!on || !state.chosen) return;
  const r = state.chosen.getBoundingClientRect();
  const mark = document.createElement('div');
  mark.id = id;
  Object.assign(mark.style, { position: 'absolute', left: `${r.left + scrollX - 3}px`, top: `${r.top + scrollY - 3}px`, width: `${r.width + 6}px`, height: `${r.height + 6}px`, border: '3px solid #d00', boxSizing: 'border-box', pointerEvents: 'none', zIndex: '2147483647' });
  document.body.append(mark);
}
