import type { Word } from '../capture/scroll-capture';

/**
 * The page's visible text as plain lines, in reading order (top to bottom, left to right), for
 * `page.txt`: searchable by any tool without opening the PDF.
 */
export function wordsToText(words: Word[]): string {
  const sorted = [...words].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Word[][] = [];
  for (const word of sorted) {
    const line = lines.at(-1);
    // Words whose tops lie within half a line of each other stand on the same line.
    if (line && Math.abs(word.y - line[0]!.y) < Math.max(line[0]!.height, 1) / 2) line.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => line.sort((a, b) => a.x - b.x).map((w) => w.text).join(' ')).join('\n') + (lines.length ? '\n' : '');
}
