import { mkdir } from 'node:fs/promises';
import type { SnapshotSummary } from '../../shared/archive';
import type { Channel } from '../../shared/channel';
import type { CaptureProgress, CaptureStage, ChannelResult } from '../../shared/capture';
import { discardBag, removeAbandonedBags, resealBags, startBag, type DraftBag } from '../archive/bag';
import { diskFull } from '../archive/fs-problems';
import { LockBusyError, withArchiveLock } from '../archive/lock';
import { stampBag } from '../archive/stamp-bag';
import { captureWarning } from '../../shared/capture-warnings';
import { readCatalogue } from '../archive/catalogue';
import { archiveSnapshot, loadRecordBuilder } from './snapshot';
import { findBrowser } from '../capture/browser';
import { captureChannel } from '../capture/capture-channel';
import { captureComment, type ShownComment } from '../capture/capture-comment';
import { commentReason, type CommentFacts } from '../../shared/comment';
import { CaptureError, TRANSIENT_CODES, toCaptureError } from '../capture/errors';
import { CaptureSession } from '../capture/session';

export interface CaptureRunOptions {
  channels: Channel[];
  archiveDir: string;
  reason: string;
  /** The round a channel's snapshot belongs to (rounds/rounds.ts roundsForCapture); none when absent. */
  roundOf?: (channel: Channel) => string | null;
  organisation: string;
  timeoutMs: number;
  concurrency: number;
  browserPath?: string;
  /** Folder of the per-platform login profiles; null to capture logged out. */
  profilesRoot: string | null;
  /**
   * Asked once the channel is ours to capture: whether it still needs a snapshot (another run may
   * have taken one meanwhile). Absent: always.
   */
  stillNeeded?: (channel: Channel) => Promise<boolean>;
  /** The archive's snapshots, when the caller has just read them (to choose rounds, say): not read again. */
  snapshots?: SnapshotSummary[];
  signal?: AbortSignal;
  onProgress?: (progress: CaptureProgress) => void;
  /** Save this comment or post of the (one) channel instead of a snapshot of it. */
  comment?: CommentOrder;
  /** The time-stamping authority (RFC 3161) that stamps each finished bag; none when absent. */
  tsaUrl?: string;
}

/** What the page owner asks to save, and why. */
export interface CommentOrder {
  url: string;
  selector: string | null;
  /** The link to the answer given to it, saved with it. */
  answer?: string | null;
  /** Chosen by the page owner with the pointer, in a visible window, on the page at `url`. */
  pick?: boolean;
  reason: { code: string; label: string };
  note: string;
  savedBy: string;
}

/**
 * Captures and archives each channel, at most `concurrency` at a time. A channel that fails does not
 * stop the others; a transient network failure is tried once more. Cancelling stops new captures,
 * abandons running ones (their unfinished bags are removed) and reports the rest as cancelled.
 */
export async function runCapture(options: CaptureRunOptions): Promise<ChannelResult[]> {
  const { channels } = options;
  const report = (channelId: string, stage: CaptureStage, percent: number, attempt = 1) =>
    options.onProgress?.({ channelId, stage, percent, attempt });
  channels.forEach((c) => report(c.id, 'queued', 0));

  let session: CaptureSession;
  try {
    session = new CaptureSession(findBrowser(options.browserPath), options.profilesRoot, options.comment?.pick === true);
  } catch (error) {
    const { code, message } = toCaptureError(error);
    return channels.map((c) => failed(c, code, message));
  }
  // The browser starts, and the record builder loads, while the archive is looked over.
  session.warmUp();
  loadRecordBuilder().catch(() => undefined);
  try {
    await mkdir(options.archiveDir, { recursive: true });
    await removeAbandonedBags(options.archiveDir);
    const snapshots = options.snapshots ?? (await readCatalogue(options.archiveDir)).snapshots;
    // A run killed between moving a bag into place and sealing it left that one folder writable.
    await resealBags(options.archiveDir, snapshots.map((s) => s.ref));
    // Each channel's latest snapshot (ids without regard to case): this one's capture should reach back to it.
    const since = new Map<string, string>();
    for (const s of snapshots) if (s.kind === 'snapshot' && !since.has(s.channelId.toLowerCase())) since.set(s.channelId.toLowerCase(), s.takenAt);

    const results = new Array<ChannelResult>(channels.length);
    let next = 0;
    const worker = async () => {
      while (next < channels.length) {
        const index = next++;
        const channel = channels[index]!;
        results[index] = await captureAlone(channel, options, () => captureOne(session, channel, since.get(channel.id.toLowerCase()) ?? null, options, report));
        if (results[index].error?.code === 'in_progress') report(channel.id, 'failed', 100);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, channels.length)) }, worker));
    return results;
  } finally {
    await session.close();
  }
}

/**
 * Captures a channel while holding its lock in the archive, shared by every process and machine
 * using the archive: two runs at once (two scheduled `capture --due`, the app and the CLI) never
 * capture the same channel twice; the second one skips it and says so.
 */
async function captureAlone(channel: Channel, options: CaptureRunOptions, capture: () => Promise<ChannelResult>): Promise<ChannelResult> {
  try {
    // A comment is saved beside a running snapshot of its channel, never in its way.
    const lock = `${options.comment ? 'comment' : 'capture'}-${channel.id.toLowerCase()}`;
    return await withArchiveLock(options.archiveDir, lock, 0, async () => {
      if (options.stillNeeded && !(await options.stillNeeded(channel))) {
        return failed(channel, 'in_progress', 'Another Kanalarkiv run has just captured this channel; it was not captured again.');
      }
      return capture();
    });
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    return failed(channel, 'in_progress', 'Another Kanalarkiv run is capturing this channel right now; it was skipped here. Nothing needs doing unless that run fails.');
  }
}

async function captureOne(
  session: CaptureSession,
  channel: Channel,
  since: string | null,
  options: CaptureRunOptions,
  report: (channelId: string, stage: CaptureStage, percent: number, attempt?: number) => void,
): Promise<ChannelResult> {
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) return failed(channel, 'cancelled', 'The run was cancelled before this channel was captured.');
    let draft: DraftBag | null = null;
    try {
      draft = await startBag(options.archiveDir);
      const onProgress = (stage: CaptureStage, percent: number) => report(channel.id, stage, percent, attempt);
      const order = options.comment;
      let comment: CommentFacts | null = null;
      const capture = order
        ? await captureComment(session, { channel, url: order.url, selector: order.selector, answer: order.answer ?? null, pick: order.pick, dir: draft.data, timeoutMs: options.timeoutMs, signal: options.signal, onProgress }).then((saved) => {
            comment = commentFacts(order, saved.shown);
            return saved;
          })
        : await captureChannel(session, { channel, dir: draft.data, timeoutMs: options.timeoutMs, since, signal: options.signal, onProgress });
      if (options.signal?.aborted) throw new CaptureError('cancelled', 'The capture was cancelled.');
      // The record and the bag get the channel's timeout again, so that no page can hold the run up for longer.
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
      const bag = await archiveSnapshot(
        draft,
        capture,
        { channel, reason: options.reason, round: comment ? null : (options.roundOf?.(channel) ?? null), organisation: options.organisation, archiveDir: options.archiveDir, signal, comment, timestampAuthority: options.tsaUrl ?? null },
        (stage) => report(channel.id, stage, stage === 'record' ? 82 : 94, attempt),
      ).catch((error: unknown) => {
        if (deadline.aborted && !options.signal?.aborted) throw new CaptureError('timeout', `Making the record took longer than the channel's timeout (${options.timeoutMs / 1000} s); nothing was archived. Try again, or raise --timeout.`);
        if (options.signal?.aborted) throw new CaptureError('cancelled', 'The capture was cancelled.');
        throw error;
      });
      // A stamp that fails loses nothing: the bag is whole and in place, and `kanalarkiv timestamp` stamps it later.
      const stamped = options.tsaUrl ? await stampBag(bag, options.tsaUrl, options.archiveDir).then(() => true, () => false) : true;
      const warnings = stamped ? capture.facts.warnings : [...capture.facts.warnings, captureWarning('timestamp_failed', { tsa: options.tsaUrl!, archive: options.archiveDir })];
      report(channel.id, 'done', 100, attempt);
      return { channel: channel.id, status: 'ok', bag, error: null, warnings, timings: capture.timings.ms };
    } catch (error) {
      if (draft) await discardBag(draft).catch(() => undefined);
      const known = toCaptureError(error);
      const full = known.code === 'internal' ? await diskFull(options.archiveDir) : null;
      const { code, message } = full ? new CaptureError('archive_unwritable', `The snapshot could not be written: ${full.message}`) : known;
      if (attempt === 1 && TRANSIENT_CODES.has(code) && !options.signal?.aborted) continue;
      report(channel.id, 'failed', 100, attempt);
      return failed(channel, code, message);
    }
  }
}

/** The comment record's facts: what the page showed, and what the page owner said of it. */
function commentFacts(order: CommentOrder, shown: ShownComment): CommentFacts {
  const reason = commentReason(order.reason.code);
  return {
    ...shown,
    reason: order.reason,
    note: order.note,
    savedBy: order.savedBy,
    purpose: reason && 'register' in reason ? 'register' : 'removal',
    personalData: true,
    secrecyReview: Boolean(reason && 'secrecyReview' in reason),
  };
}

function failed(channel: Channel, code: CaptureError['code'], message: string): ChannelResult {
  return { channel: channel.id, status: 'failed', bag: null, error: { code, message }, warnings: [], timings: {} };
}
