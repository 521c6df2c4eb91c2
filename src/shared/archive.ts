import { z } from 'zod';
import type { CaptureWarning } from './capture-warnings';
import type { Platform } from './channel';

/**
 * Where a snapshot is in the archive: its bag's folder relative to the archive, with forward slashes,
 * `<channel id>/<time>-<first 8 of the snapshot id>` (`kultur-fb/2026-04-14T083000Z-5d7c1f8e`). The app,
 * the catalogue and the handover list name a snapshot by it. Its identity, which never changes, is
 * the snapshot id (a UUID) in metadata.json and bag-info.txt.
 */
export const CHANNEL_FOLDER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const BAG_FOLDER = /^\d{4}-\d{2}-\d{2}T\d{6}Z-[0-9a-f]{8}$/;
export const snapshotRefSchema = z.string().refine((ref) => {
  const parts = ref.split('/');
  return parts.length === 2 && CHANNEL_FOLDER.test(parts[0]!) && BAG_FOLDER.test(parts[1]!);
}, 'is not a snapshot: channel/time-id').brand<'SnapshotRef'>();
export type SnapshotRef = z.infer<typeof snapshotRefSchema>;

/** One snapshot as the archive browser lists it. */
export interface SnapshotSummary {
  ref: SnapshotRef;
  /** The snapshot's identity (metadata.json). */
  snapshotId: string;
  /** A snapshot of the channel, or a comment saved from it; rounds and coverage count only snapshots. */
  kind: 'snapshot' | 'comment';
  /** For a comment: saved before it is removed, or kept for registering. */
  commentPurpose: 'removal' | 'register' | null;
  channelId: string;
  channelName: string;
  platform: Platform;
  unit: string;
  url: string;
  takenAt: string;
  reason: string;
  round: string | null;
  pages: number;
  pageHeight: number;
  warnings: CaptureWarning[];
  /** The newest post date the capture read on the page; null when it read none. */
  newestPost: string | null;
}

export interface Catalogue {
  snapshots: SnapshotSummary[];
  /** Bags whose metadata.json is missing or unreadable; verify says more. */
  unreadable: string[];
}

/** Where a word stands on a captured page, in CSS pixels from its top left. */
export interface WordBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A record whose page text holds every word searched for. */
export interface SearchHit {
  ref: SnapshotRef;
  channelName: string;
  takenAt: string;
  /**
   * Its first matching lines, each cut to a window around its first hit, with where the words are in
   * it ([start, end) in UTF-16 units), and where on the page the first hit stands (CSS px of the whole
   * page; null in records made before their words' places were kept).
   */
  lines: Array<{ text: string; marks: Array<[number, number]>; at: WordBox | null }>;
  /** How many of its lines hold a word searched for. */
  count: number;
}

export interface BagProblem {
  /**
   * moved: the bag is not where its identity says (moved or renamed); it is still the same record.
   * not_a_file: a link, a named pipe or a device where a file should be; it is never opened.
   */
  kind: 'changed' | 'missing' | 'extra' | 'invalid' | 'moved' | 'not_a_file';
  /** The file concerned, relative to the bag. */
  file: string;
  detail: string;
}

export interface BagReport {
  /** The bag's folder, relative to the archive. */
  bag: string;
  /** Which channel and when, as the bag's metadata says; null when it cannot be read. */
  channelName: string | null;
  takenAt: string | null;
  /** The record's identity (its metadata.json), when it can be read. */
  snapshotId?: string | null;
  problems: BagProblem[];
  /** For a damaged bag: the file archive's copy of it, checked; null when there is no file archive or no copy there. */
  copy: { place: string; intact: boolean } | null;
  /** Its trusted timestamp (timestamp.tsr), when it has one. */
  stamp?: StampSummary;
}

/** A record's stamp as its record view shows it: what it says, and whether it still stamps the record as it is. */
export interface RecordStamp extends StampSummary {
  /** The stamp is of the bag's tag manifest as it is now, and its signature holds (`trusted` says whether its authority is one of the archive's roots). */
  holds: boolean;
  /** Whether the archive has trusted roots set, against which `trusted` was checked. */
  rootsSet: boolean;
}

/** A bag's RFC 3161 stamp as verify read it. */
export interface StampSummary {
  /** The authority's time (ISO). */
  at: string;
  /** Who signed it ("CN=…, O=…"). */
  authority: string;
  /** Whether it chains to a trusted root (false when none is set). */
  trusted: boolean;
  /** How much later than the capture it was made, when more than the margin (a stamp caught up on later); null when within it. */
  lateMs: number | null;
}

export interface ArchiveReport {
  bags: BagReport[];
  /** Unfinished snapshots in the .incomplete area (from runs still going or killed). */
  incomplete: string[];
  /** What is wrong with the handover log, by line. */
  log: LogProblem[];
  /** The log's last line was cut off by a crash while it was written: not damage, it is set aside at the next handover. */
  logRemnant: boolean;
  /** The time stamps of the log's last line after handovers; their problems are among `log`. */
  logStamps: LogStamps;
  /** The bags found, held against the archive's inventory; missing, extra and rewritten ones are among `bags`. */
  inventory: InventoryReport;
}

export interface InventoryReport {
  /** How many snapshots the inventory lists, and how many of them are in the archive. */
  expected: number;
  present: number;
  /** When the inventory was made by this check, from the bags there were (an archive older than inventories): how many. */
  built: number | null;
}

/** A line of the handover log that cannot be trusted: cut off or not a log line, out of chain, or stating a checksum its record's bag does not have. */
export interface LogStamps {
  /** Stamp files found beside the log. */
  count: number;
  /** The latest stamp that holds: which entry, when (ISO) and by whom. */
  latest: { seq: number; at: string; authority: string } | null;
  /** Stamps that hold but whose authority is not among the trusted roots (0 when no roots are set). */
  untrusted: number;
}

export interface LogProblem {
  line: number;
  /** cut: the log is shorter than its head file says (lines cut off at the end, or emptied), or its last line was replaced. */
  kind: 'unreadable' | 'out_of_chain' | 'checksum' | 'cut';
  /** In English, for the log and IT; the UI says the kind in the user's language. */
  detail: string;
}

/** How the page text of two snapshots differs, older to newer: changed lines given, unchanged runs only counted. */
export interface TextDifference {
  parts: Array<{ kind: 'same'; count: number } | { kind: 'added' | 'removed'; lines: string[] }>;
  added: number;
  removed: number;
}

export interface Difference {
  /** Transparent PNG (data URL) the size of page `index` of A: changed pixels red, the rest clear. */
  overlay: string;
  /** Share of the compared pixels that differ, 0–1. */
  changed: number;
}
