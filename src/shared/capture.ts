import type { SnapshotRef } from './archive';
import type { Platform } from './channel';
import type { CaptureWarning } from './capture-warnings';

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
