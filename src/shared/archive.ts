import type { Platform } from './channel';

/** One snapshot as the archive browser lists it. */
export interface SnapshotSummary {
  /** The bag's folder relative to the archive, with forward slashes: the snapshot's address in the app. */
  id: string;
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
  warnings: string[];
}

export interface Catalogue {
  snapshots: SnapshotSummary[];
  /** Bags whose metadata.json is missing or unreadable; verify says more. */
  unreadable: string[];
}

export interface SearchHit {
  snapshotId: string;
  channelName: string;
  takenAt: string;
  /** The matching line, with a little context. */
  excerpt: string;
}

export interface BagProblem {
  kind: 'changed' | 'missing' | 'extra' | 'invalid';
  /** The file concerned, relative to the bag. */
  file: string;
  detail: string;
}

export interface BagReport {
  /** The bag's folder, relative to the archive. */
  bag: string;
  problems: BagProblem[];
}

export interface ArchiveReport {
  bags: BagReport[];
  /** Unfinished snapshots in the .incomplete area (from runs still going or killed). */
  incomplete: string[];
}

export interface Difference {
  /** Transparent PNG (data URL) the size of page `index` of A: changed pixels red, the rest clear. */
  overlay: string;
  /** Share of the compared pixels that differ, 0–1. */
  changed: number;
}
