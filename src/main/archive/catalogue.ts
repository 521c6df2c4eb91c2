import path from 'node:path';
import { snapshotMetadataSchema, warningsOf, type SnapshotMetadata } from '../../shared/snapshot';
import { readRegularText, relativePath } from './files';
import { DATA_DIR, METADATA_FILE, TEXT_FILE, WORDS_FILE } from './layout';
import type { Word } from '../record/words';
import { lineText, textLines, wordsFromJson } from '../record/text';
import { findBags } from './verify';
import { snapshotRefSchema, type Catalogue, type SearchHit, type SnapshotRef, type SnapshotSummary, type WordBox } from '../../shared/archive';

/**
 * Every snapshot in the archive (or of one channel), newest first, read from the bags themselves:
 * there is no index to lose or to fall out of step with the archive.
 */
export async function readCatalogue(archiveDir: string, channelId?: string): Promise<Catalogue> {
  const snapshots: SnapshotSummary[] = [];
  const unreadable: string[] = [];
  // One channel's snapshots are in its own folder: reading only that one is enough.
  const bags = channelId ? await findBags(path.join(archiveDir, channelId), undefined, 1) : await findBags(archiveDir);
  for (const bag of bags) {
    const ref = refOf(archiveDir, bag);
    try {
      const meta = await readMetadata(bag);
      snapshots.push({
        ref,
        snapshotId: meta.snapshotId,
        kind: meta.kind,
        commentPurpose: meta.comment?.purpose ?? null,
        channelId: meta.channel.id,
        channelName: meta.channel.name,
        platform: meta.channel.platform,
        unit: meta.channel.unit,
        url: meta.channel.url,
        takenAt: meta.capture.startedAt,
        reason: meta.reason,
        round: meta.round,
        pages: meta.pages.length,
        pageHeight: meta.capture.pageHeight,
        warnings: warningsOf(meta.capture),
        newestPost: meta.capture.coverage?.newestPost ?? null,
      });
    } catch {
      unreadable.push(ref);
    }
  }
  snapshots.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  return { snapshots, unreadable };
}

export async function readMetadata(bag: string): Promise<SnapshotMetadata> {
  return snapshotMetadataSchema.parse(JSON.parse(await readRegularText(path.join(bag, DATA_DIR, METADATA_FILE))));
}

/** A bag's ref: its folder relative to the archive, with forward slashes. */
export function refOf(archiveDir: string, bag: string): SnapshotRef {
  return relativePath(archiveDir, bag) as SnapshotRef;
}

/**
 * A snapshot's folder from its ref. A ref is exactly <channel>/<bag>, so nothing else in the archive
 * (a channel folder, the handover log, a file beside the bags) and nothing outside it can be named.
 */
export function snapshotPath(archiveDir: string, ref: string): string {
  if (!snapshotRefSchema.safeParse(ref).success) throw new Error(`"${ref}" is not a snapshot in the archive`);
  return path.join(path.resolve(archiveDir), ...ref.split('/'));
}

/** Lines shown per record, and the characters of each around its first hit. */
const LINES_PER_HIT = 5;
const WINDOW = 160;

/**
 * Full-text search over the archived page text (page.txt), case-insensitive: the records whose text
 * holds every word of the query, newest first, each with its matching lines and the words marked.
 */
export async function searchArchive(archiveDir: string, query: string, limit = 200): Promise<SearchHit[]> {
  const words = [...new Set(query.toLocaleLowerCase('sv-SE').split(/\s+/).filter(Boolean))];
  if (words.length === 0) return [];
  const { snapshots } = await readCatalogue(archiveDir);
  const hits: SearchHit[] = [];
  for (const snapshot of snapshots) {
    const lines = await linesOf(snapshotPath(archiveDir, snapshot.ref));
    if (!lines) continue;
    const lower = lines.map((line) => line.text.toLocaleLowerCase('sv-SE'));
    if (!words.every((word) => lower.some((line) => line.includes(word)))) continue;
    const matching = lines.filter((_, i) => words.some((word) => lower[i]!.includes(word)));
    const shown = matching.slice(0, LINES_PER_HIT).map((line) => ({ ...excerpt(line.text, words), at: boxOf(line.words.find((w) => words.some((word) => w.text.toLocaleLowerCase('sv-SE').includes(word)))) }));
    hits.push({ ref: snapshot.ref, channelName: snapshot.channelName, takenAt: snapshot.takenAt, lines: shown, count: matching.length });
    if (hits.length >= limit) break;
  }
  return hits;
}

const boxOf = (word: Word | undefined): WordBox | null => (word ? { x: word.x, y: word.y, width: word.width, height: word.height } : null);

/**
 * A record's text as lines, each with its words' places when the record keeps them (page-words.json),
 * from page.txt otherwise; null when it has neither.
 */
async function linesOf(bag: string): Promise<Array<{ text: string; words: Word[] }> | null> {
  try {
    const words = wordsFromJson(await readRegularText(path.join(bag, DATA_DIR, WORDS_FILE)));
    return textLines(words).map((line) => ({ text: lineText(line), words: line }));
  } catch {
    // A record made before the words' places were kept: its text has no places.
  }
  try {
    return (await readRegularText(path.join(bag, DATA_DIR, TEXT_FILE))).split('\n').map((text) => ({ text, words: [] }));
  } catch {
    return null;
  }
}

/** A line cut to a window around its first hit, with each word's places in the window marked. */
function excerpt(line: string, words: string[]): Omit<SearchHit['lines'][number], 'at'> {
  const lower = line.toLocaleLowerCase('sv-SE');
  // Lower-casing can change a string's length (İ); then the places would not line up, and nothing is marked.
  const aligned = lower.length === line.length;
  const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0));
  const from = line.length <= WINDOW ? 0 : Math.max(0, Math.min(first - WINDOW / 4, line.length - WINDOW));
  const to = Math.min(line.length, from + WINDOW);
  const marks: Array<[number, number]> = [];
  for (const word of aligned ? words : []) {
    for (let at = lower.indexOf(word, from); at >= 0 && at + word.length <= to; at = lower.indexOf(word, at + word.length)) marks.push([at - from, at - from + word.length]);
  }
  marks.sort((a, b) => a[0] - b[0]);
  const joined = marks.reduce<Array<[number, number]>>((all, mark) => {
    const last = all.at(-1);
    if (last && mark[0] <= last[1]) last[1] = Math.max(last[1], mark[1]);
    else all.push([...mark]);
    return all;
  }, []);
  return { text: `${from > 0 ? '…' : ''}${line.slice(from, to)}${to < line.length ? '…' : ''}`, marks: from > 0 ? joined.map(([a, b]) => [a + 1, b + 1]) : joined };
}

/** A small picture of the top of a snapshot, as a PNG data URL for the UI. */
export async function thumbnail(archiveDir: string, ref: string, width = 240): Promise<string> {
  const bag = snapshotPath(archiveDir, ref);
  const meta = await readMetadata(bag);
  const first = meta.pages[0];
  if (!first) throw new Error(`snapshot ${ref} has no screenshot`);
  const height = Math.min(first.height, Math.round(first.width * 0.75));
  // Loaded here, not with the catalogue: `kanalarkiv due` reads the catalogue and needs no images.
  const { default: sharp } = await import('sharp');
  const png = await sharp(path.join(bag, DATA_DIR, first.file)).extract({ left: 0, top: 0, width: first.width, height }).resize({ width }).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}
