import type { BagProblem, BagReport } from './archive';

/** A translate function of the catalogue (i18next's t in the UI, messagesIn in the core). */
type Translate = (key: string | string[], values?: Record<string, unknown>) => string;

/**
 * Which part of a record a file of its bag is, as an archivist names it. The names are the bag's
 * layout (src/main/archive/layout.ts): data/record.pdf, data/metadata.json, data/page.txt,
 * data/page-words.json, data/page.mhtml, data/page.wacz, data/screenshot-NNN.png, and the tag files beside data/.
 */
export function recordPart(file: string): { part: RecordPart; n: number } {
  const screenshot = /^data\/screenshot-(\d+)\.png$/.exec(file);
  if (screenshot) return { part: 'screenshot', n: Number(screenshot[1]) };
  if (/^(bagit\.txt|bag-info\.txt|(tag)?manifest-\w+\.txt)$/.test(file)) return { part: 'contents', n: 0 };
  return { part: PAYLOAD_PARTS[file] ?? (file === '.' ? 'folder' : 'other'), n: 0 };
}

type RecordPart = 'record' | 'metadata' | 'text' | 'words' | 'mhtml' | 'webCopy' | 'stamp' | 'screenshot' | 'contents' | 'folder' | 'other';
const PAYLOAD_PARTS: Record<string, RecordPart> = {
  'data/record.pdf': 'record',
  'data/metadata.json': 'metadata',
  'data/page.txt': 'text',
  'data/page-words.json': 'words',
  'data/page.mhtml': 'mhtml',
  'data/page.wacz': 'webCopy',
  'timestamp.tsr': 'stamp',
};

/** One problem of a bag in plain words: "Skärmbild 3 har ändrats sedan den arkiverades." */
export function problemText(t: Translate, problem: BagProblem): string {
  const { part, n } = recordPart(problem.file);
  if (problem.kind === 'moved') return t('fixity.moved');
  if (part === 'folder') return t(FOLDER_PROBLEMS[problem.kind] ?? 'fixity.unreadable');
  return t(`fixity.${problem.kind}`, { part: t(`fixity.part.${part}`, { n, file: problem.file }) });
}

/** What a problem of the whole bag (file ".") means: gone though the inventory lists it, not listed, or a link in its place. */
const FOLDER_PROBLEMS: Partial<Record<BagProblem['kind'], string>> = {
  missing: 'fixity.bagMissing',
  extra: 'fixity.notInInventory',
  not_a_file: 'fixity.link',
};

/** Which record a report is about: "Kultur Umeå, 14 apr. 2026 08:30", or the bag's folder when its metadata cannot be read. */
export function damagedRecordName(report: Pick<BagReport, 'bag' | 'channelName' | 'takenAt'>, formatDate: (iso: string) => string): string {
  return report.channelName && report.takenAt ? `${report.channelName}, ${formatDate(report.takenAt)}` : report.bag;
}

/** What the archivist does about a damaged record: restore it from the file archive's copy, when that copy is whole. */
export function restoreText(t: Translate, report: Pick<BagReport, 'bag' | 'copy'>): string {
  if (report.copy?.intact) return t('fixity.restoreFromCopy', { bag: report.bag, place: report.copy.place });
  if (report.copy) return t('fixity.copyDamaged', { bag: report.bag, place: report.copy.place });
  return t('fixity.noCopy', { bag: report.bag });
}
