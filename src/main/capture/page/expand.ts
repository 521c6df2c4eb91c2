import type { Root } from './roots';
import { deepAll, visible } from './roots';
import { clicked, config, state } from './state';

/**
 * Clicks the platform's "see more" and "more comments" buttons (by selector, or by a short label
 * in its wordings) whose top lies at or below row fromRow. Never a link, and never a button that
 * would submit or reset a form (EPiServer and ASP.NET sites wrap the whole page in one form, so
 * being inside a form says nothing); a type=button button or a role=button element only runs the
 * page's script. Returns how many were clicked.
 */
export function expand(rs: Root[], fromRow: number): number {
  const { expandSelectors } = config();
  const bySelector = new Set(expandSelectors.length ? deepAll(rs, expandSelectors.join(',')).map((m) => m.el) : []);
  let n = 0;
  for (const { el, dy, clip } of deepAll(rs, 'button, [role="button"], summary')) {
    if (clicked.has(el) || el.closest('a[href]')) continue;
    if (el instanceof HTMLButtonElement && el.form && el.type !== 'button') continue;
    if (!bySelector.has(el)) {
      const label = ((el as HTMLElement).innerText || el.textContent || '').trim();
      if (label.length === 0 || label.length > 40 || !state.expandPatterns.some((p) => p.test(label))) continue;
    }
    const r = el.getBoundingClientRect();
    const top = r.top + dy;
    if (top < fromRow - 1 || top >= innerHeight || r.bottom + dy <= 0 || r.width === 0 || !visible(el)) continue;
    if (clip && (top < clip.top || top >= clip.bottom)) continue;
    clicked.add(el);
    (el as HTMLElement).click();
    n++;
  }
  return n;
}
