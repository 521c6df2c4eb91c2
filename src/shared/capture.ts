import type { SnapshotRef } from './archive';
import type { Platform } from './channel';

/** Why a channel could not be captured. Scripts depend on these exact codes (README, "Command line"). */
export const CAPTURE_ERROR_CODES = [
  'invalid_url',
  'dns_failed',
  'connection_failed',
  'timeout',
  'http_error',
  'login_required',
  'blocked',
  'consent_required',
  'not_a_comment',
  'comment_not_found',
  'blank_page',
  'browser_missing',
  'in_progress',
  'archive_unwritable',
  'cancelled',
  'internal',
] as const;
export type CaptureErrorCode = (typeof CAPTURE_ERROR_CODES)[number];

export interface CaptureErrorInfo {
  code: CaptureErrorCode;
  message: string;
}

/** What a record misses, or how it was made differently from the page; texts in capture-warnings.ts. */
export const CAPTURE_WARNING_CODES = [
  'not_loaded',
  'consent_failed',
  'cut_height',
  'cut_time',
  'coverage_short',
  'not_scrollable',
  'other_scrollers',
  'content_inserted',
  'scrolled_itself',
  'navigation_stopped',
  'address_changed',
  'frames_unloaded',
  'images_pending',
  'frames_picture_only',
  'mhtml_partial',
  'logged_out',
  'login_expired',
  'no_posts',
  // Not in the record (its bag is finished before the stamp is asked for): in the run's result.
  'timestamp_failed',
  // A warning in a record made before warnings had codes: its text, in English, is all there is.
  'legacy',
] as const;
export type CaptureWarningCode = (typeof CAPTURE_WARNING_CODES)[number];

export interface CaptureWarning {
  code: CaptureWarningCode;
  /** The numbers and addresses the warning names. */
  values: Record<string, string | number>;
  /** The warning in Swedish, as the record states it. */
  text: string;
}

/** The stages a capture passes through, in order; the UI shows them as progress. */
export const CAPTURE_STAGES = [
  'queued',
  'starting',
  'loading',
  'consent',
  'scrolling',
  'saving',
  'record',
  'archiving',
  'done',
  'failed',
] as const;
export type CaptureStage = (typeof CAPTURE_STAGES)[number];

export interface CaptureProgress {
  channelId: string;
  stage: CaptureStage;
  /** 0–100 for this channel. */
  percent: number;
  /** Attempt number, 1 or 2 (one retry on transient network errors). */
  attempt: number;
}

export interface ChannelResult {
  channel: string;
  status: 'ok' | 'failed';
  /** The folder of the snapshot's bag (absolute), when archived. */
  bag: string | null;
  error: CaptureErrorInfo | null;
  warnings: CaptureWarning[];
  /** Milliseconds per stage (open, load, settle, scroll, screenshot, encode, mhtml, hash, record, bag). */
  timings: Record<string, number>;
}

/** One channel of a capture run started from the app, as the UI shows it. */
export interface ChannelProgress {
  channelId: string;
  name: string;
  platform: Platform;
  stage: CaptureStage;
  percent: number;
  attempt: number;
  result: ChannelResult | null;
  /** Where the archived snapshot is, when there is one. */
  ref: SnapshotRef | null;
}

/** A capture run started from the app, as the UI shows it. */
export interface CaptureJobState {
  jobId: string;
  reason: string;
  startedAt: string;
  finishedAt: string | null;
  cancelled: boolean;
  /** 0–100 over all channels. */
  percent: number;
  /** Estimated from the pace so far; null until there is a pace. */
  remainingMs: number | null;
  channels: ChannelProgress[];
}
