import type { RawWord } from './api';
import type { Root } from './roots';
import { deepAll, SKIP_TAGS, textNodes, textRoot, visible } from './roots';

/** The words the page shows and where, for the record's text layer; and what the rows hold of posts and their dates. */

const round = (n: number) => Math.round(n * 10) / 10;

/** Each word of a text node with its box in the window (skipping empty boxes), through one reused Range. */
function wordBoxes(node: Text, range: Range, take: (text: string, r: DOMRect) => void): void {
  const word = /\S+/g;
  const s = node.nodeValue ?? '';
  for (let m = word.exec(s); m; m = word.exec(s)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const r = range.getClientRects()[0];
    if (r && r.width >= 0.5 && r.height >= 0.5) take(m[0], r);
  }
}

/** The text nodes worth reading: with a word, in an element that shows text. */
const readable = (node: Text) => {
  const parent = node.parentElement;
  return /\S/.test(node.nodeValue ?? '') && parent !== null && !SKIP_TAGS.has(parent.tagName);
};

/** Visible words whose top lies in rows [fromRow, toRow) of the window. */
export function collectWords(rs: Root[], fromRow: number, toRow: number): RawWord[] {
  const out: RawWord[] = [];
  for (const { root, dx, dy, clip } of rs) {
    const top = clip ? Math.max(fromRow, clip.top) : fromRow;
    const bottom = clip ? Math.min(toRow, clip.bottom) : toRow;
    if (!textRoot(root) || top >= bottom) continue;
    const left = clip ? clip.left : 0;
    const right = clip ? clip.right : innerWidth;
    const range = (root.ownerDocument ?? (root as Document)).createRange();
    for (const node of textNodes(root)) {
      if (!readable(node)) continue;
      const parent = node.parentElement!;
      const pr = parent.getBoundingClientRect();
      if (pr.bottom + dy <= top || pr.top + dy >= bottom || !visible(parent)) continue;
      wordBoxes(node, range, (text, r) => {
        const y = r.top + dy;
        const x = r.left + dx;
        if (y < top || y >= bottom || x + r.width < left || x > right) return;
        out.push([text, round(x), round(y), round(r.width), round(r.height)]);
      });
    }
  }
  return out;
}

/** The visible words inside an element, placed relative to its top left corner. */
export function wordsIn(el: Element): RawWord[] {
  const box = el.getBoundingClientRect();
  const out: RawWord[] = [];
  const range = el.ownerDocument.createRange();
  for (const node of textNodes(el)) {
    if (!readable(node) || !visible(node.parentElement!)) continue;
    wordBoxes(node, range, (text, r) => out.push([text, round(r.left - box.left), round(r.top - box.top), round(r.width), round(r.height)]));
  }
  return out;
}

/** Posts whose top lies in rows [fromRow, toRow). */
export function countPosts(rs: Root[], selector: string, fromRow: number, toRow: number): number {
  return deepAll(rs, selector).filter(({ el, dy }) => {
    const top = el.getBoundingClientRect().top + dy;
    return top >= fromRow && top < toRow;
  }).length;
}

const LOOKS_LIKE_DATE = /^(\d{1,3}\s?[a-zåäö]{1,6}\.?|\d{1,2}\s+[a-zåäö]{3,9}\.?(\s+\d{4})?|[a-z]{3,9}\.?\s+\d{1,2},?(\s+\d{4})?)$/i;

/**
 * Date labels of posts whose top lies in rows [fromRow, toRow): <time datetime> values, and short
 * leaf texts that look like "3 d", "2 v", "5 tim" or "14 april" (read in Node, post-dates.ts).
 */
export function postDates(rs: Root[], fromRow: number, toRow: number): string[] {
  const inRows = ({ el, dy }: { el: Element; dy: number }) => {
    const top = el.getBoundingClientRect().top + dy;
    return top >= fromRow && top < toRow && visible(el);
  };
  const labels: string[] = [];
  for (const item of deepAll(rs, 'time[datetime]')) if (inRows(item)) labels.push(item.el.getAttribute('datetime')!);
  for (const item of deepAll(rs, 'a, span, abbr')) {
    const { el } = item;
    if (el.childElementCount > 0 || el.closest('time')) continue;
    const text = (el.textContent || '').trim();
    if (text.length > 0 && text.length <= 20 && LOOKS_LIKE_DATE.test(text) && inRows(item)) labels.push(text);
  }
  return labels;
}
