import type { RawBlock, RawWord, TextRead } from './api';
import type { Box, Root } from './roots';
import { deepAll, SKIP_TAGS, textNodes, textRoot, up, visible } from './roots';
import { state } from './state';

/** The words the page shows and where, for the record's text layer; and what the rows hold of posts and their dates. */

const round = (n: number) => Math.round(n * 10) / 10;

/** Displays that lay an element out inside the line it stands in, rather than as a box of its own. */
const INLINE = new Set(['inline', 'contents', 'ruby', 'ruby-text']);

/** The block a text's element stands in (see RawWord), and its number. */
function blockOf(el: Element): { block: Element; n: number } {
  let block: Element = el;
  for (let node: Element | null = el; node; node = up(node)) {
    block = node;
    if (!INLINE.has(getComputedStyle(node).display)) break;
  }
  let n = state.blocks.get(block);
  if (n === undefined) state.blocks.set(block, (n = state.nextBlock++));
  return { block, n };
}

/**
 * The box of the window an element's text can show in: its ancestors that clip what overflows them
 * (a menu folded to no height, a "skip to content" link of 1 × 1 px, a carousel's hidden slides)
 * cut it down. What scrolls is left out: its rows are the band. Memoised per reading.
 */
function clipper(): (el: Element) => Box {
  const all: Box = { top: -Infinity, bottom: Infinity, left: -Infinity, right: Infinity };
  const boxes = new Map<Element, Box>();
  const clipOf = (el: Element | null): Box => {
    if (!el || el === document.documentElement || el === document.body || el === state.scroller) return all;
    let box = boxes.get(el);
    if (box) return box;
    box = clipOf(up(el));
    const style = getComputedStyle(el);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      const r = el.getBoundingClientRect();
      box = {
        top: style.overflowY !== 'visible' ? Math.max(box.top, r.top) : box.top,
        bottom: style.overflowY !== 'visible' ? Math.min(box.bottom, r.bottom) : box.bottom,
        left: style.overflowX !== 'visible' ? Math.max(box.left, r.left) : box.left,
        right: style.overflowX !== 'visible' ? Math.min(box.right, r.right) : box.right,
      };
    }
    boxes.set(el, box);
    return box;
  };
  return clipOf;
}

/** Whether the middle of a word's box lies inside the box its element may show in. */
const inside = (r: DOMRect, clip: Box) => {
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  return x >= clip.left && x <= clip.right && y >= clip.top && y <= clip.bottom;
};

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

/**
 * Visible words whose top lies in rows [fromRow, toRow) of the window, in the order of the
 * document, and the boxes of their blocks, from which Node reads the blocks in the order a reader does.
 */
export function collectWords(rs: Root[], fromRow: number, toRow: number): TextRead {
  const out: RawWord[] = [];
  const blocks = new Map<number, RawBlock>();
  const clipOf = clipper();
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
      const shows = clipOf(parent);
      const { block, n } = blockOf(parent);
      wordBoxes(node, range, (text, r) => {
        const y = r.top + dy;
        const x = r.left + dx;
        if (y < top || y >= bottom || x + r.width < left || x > right || !inside(r, shows)) return;
        out.push([text, round(x), round(y), round(r.width), round(r.height), n]);
        if (!blocks.has(n)) {
          const b = block.getBoundingClientRect();
          blocks.set(n, [n, round(b.left + dx), round(b.top + dy), round(b.width), round(b.height)]);
        }
      });
    }
  }
  return { words: out, blocks: [...blocks.values()] };
}

/** The visible words inside an element, placed relative to its top left corner. */
export function wordsIn(el: Element): RawWord[] {
  const box = el.getBoundingClientRect();
  const out: RawWord[] = [];
  const range = el.ownerDocument.createRange();
  const clipOf = clipper();
  for (const node of textNodes(el)) {
    const parent = node.parentElement!;
    if (!readable(node) || !visible(parent)) continue;
    const shows = clipOf(parent);
    const { n } = blockOf(parent);
    wordBoxes(node, range, (text, r) => {
      if (inside(r, shows)) out.push([text, round(r.left - box.left), round(r.top - box.top), round(r.width), round(r.height), n]);
    });
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
