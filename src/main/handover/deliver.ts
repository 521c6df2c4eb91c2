import { randomUUID } from 'node:crypto';
import type { SnapshotRef } from '../../shared/archive';
import type { DeliveryResult, HandoverItemResult, HandoverTarget } from '../../shared/handover';
import { HandoverError } from './errors';
import { withArchiveLock, LockBusyError, lockParams } from '../archive/lock';
import { requireIntactLog } from './check';
import { identify, loadItem, type HandoverItem } from './items';
import { deliveries, deliveryKey, HandoverLog, type LogEntry, type NewLogEntry } from './log';
import { stampLogHead } from '../archive/log-stamp';

/**
 * A place records can be handed over to. The core knows nothing of how: each target is an adapter
 * that reports every record's outcome through the context, and the core writes the log.
 */
export interface HandoverAdapter {
  target: HandoverTarget;
  /** Names the place, the same on every run, so a re-run can tell what is already there. */
  destination: string;
  deliver(items: HandoverItem[], context: DeliveryContext): Promise<void>;
}

export interface DeliveryContext {
  signal?: AbortSignal;
  /** The archive the records are handed over from. */
  archiveDir: string;
  /** The log as it was before this run: earlier cases, and records an interrupted run had started. */
  earlier: LogEntry[];
  /** Records whose last entry here is `started`: an earlier run stopped before knowing the outcome. */
  interrupted: Map<string, LogEntry>;
  started(item: HandoverItem, remoteId?: string): Promise<void>;
  delivered(item: HandoverItem, remoteId: string): Promise<void>;
  failed(item: HandoverItem, error: unknown): Promise<void>;
  /** Adds an entry of the adapter's own (a created collection case) to the log. */
  note(entry: Pick<NewLogEntry, 'event' | 'round' | 'remoteId'>): Promise<void>;
}

export interface HandoverRequest {
  archiveDir: string;
  adapter: HandoverAdapter;
  refs: SnapshotRef[];
  /** Who hands over: the registrar's name or account. */
  by: string;
  now?: () => Date;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Another handover from this archive is running: this one waits for it (up to half an hour). */
  onWaiting?: () => void;
  /** The time-stamping authority that stamps the log's last line once the handover is logged; none when absent. */
  tsaUrl?: string;
}

/** How long a handover waits for another one from the same archive to finish. */
const WAIT_MS = 30 * 60_000;

/**
 * Hands records over to one place and logs each outcome. Records already delivered there are
 * skipped, so a re-run after an interruption or a failure sends only what is still missing. A
 * record is known by its identity, not its folder: a moved bag is not sent again.
 */
export async function handOver(request: HandoverRequest): Promise<DeliveryResult> {
  // One handover per archive at a time, across processes and machines: two at once would both send
  // what neither had logged yet, and their appends would break the log's chain.
  const run = () => handOverAlone(request);
  try {
    return await withArchiveLock(request.archiveDir, 'handover', 0, run);
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    if (error.reason === 'not_a_lock') throw new HandoverError('busy', error.message, lockParams(error));
  }
  request.onWaiting?.();
  try {
    return await withArchiveLock(request.archiveDir, 'handover', WAIT_MS, run);
  } catch (error) {
    if (error instanceof LockBusyError) throw new HandoverError('busy', error.reason === 'held' ? 'Another handover from this archive has been running for half an hour; try again when it is done.' : error.message, lockParams(error));
    throw error;
  }
}

async function handOverAlone(request: HandoverRequest): Promise<DeliveryResult> {
  const { archiveDir, adapter, by, signal } = request;
  const now = request.now ?? (() => new Date());
  const log = new HandoverLog(archiveDir);
  await log.ensureHead();
  const entries = await requireIntactLog(archiveDir, await log.read(), log.file);
  const deliveryId = randomUUID();
  const at = now().toISOString();
  const base = { by, deliveryId, target: adapter.target, destination: adapter.destination };
  const delivered = deliveries(entries);
  const results = new Map<SnapshotRef, HandoverItemResult>();
  const refs = [...new Set(request.refs)];
  const progress = () => request.onProgress?.(results.size, refs.length);
  const outcome = (item: Pick<HandoverItem, 'ref' | 'title' | 'sha256'>, status: HandoverItemResult['status'], remoteId: string, error: unknown = null): HandoverItemResult => ({
    ref: item.ref, title: item.title, status, remoteId, sha256: item.sha256, ...failure(error),
  });

  const pending: HandoverItem[] = [];
  for (const ref of refs) {
    let snapshotId: string | null = null;
    try {
      const metadata = await identify(archiveDir, ref);
      snapshotId = metadata.snapshotId;
      const earlier = delivered.get(deliveryKey(metadata.snapshotId, adapter.target, adapter.destination));
      if (earlier) {
        results.set(ref, outcome({ ref, title: earlier.title ?? '', sha256: earlier.sha256 ?? '' }, 'already-delivered', earlier.remoteId ?? ''));
        continue;
      }
      pending.push(await loadItem(archiveDir, ref, metadata));
    } catch (error) {
      await log.append({ ...base, at: now().toISOString(), event: 'failed', snapshotId, ref, ...failure(error) });
      results.set(ref, outcome({ ref, title: '', sha256: '' }, 'failed', '', error));
    }
  }
  progress();

  const entryFor = (item: HandoverItem) => ({ ...base, at: now().toISOString(), snapshotId: item.snapshotId, ref: item.ref, title: item.title, sha256: item.sha256, bytes: item.bytes, round: item.metadata.round });
  const context: DeliveryContext = {
    signal,
    archiveDir,
    earlier: entries,
    interrupted: interruptedItems(entries, adapter),
    started: async (item, remoteId) => void (await log.append({ ...entryFor(item), event: 'started', remoteId: remoteId ?? null })),
    delivered: async (item, remoteId) => {
      await log.append({ ...entryFor(item), event: 'delivered', remoteId });
      results.set(item.ref, outcome(item, 'delivered', remoteId));
      progress();
    },
    failed: async (item, error) => {
      await log.append({ ...entryFor(item), event: 'failed', ...failure(error) });
      results.set(item.ref, outcome(item, 'failed', '', error));
      progress();
    },
    note: async (entry) => void (await log.append({ ...base, at: now().toISOString(), ...entry })),
  };

  if (pending.length > 0) {
    try {
      await adapter.deliver(pending, context);
    } catch (error) {
      // The adapter stopped early (signed out, unreachable, cancelled): what it did not finish failed for that reason.
      for (const item of pending) if (!results.has(item.ref)) await context.failed(item, error);
    }
    for (const item of pending) {
      if (!results.has(item.ref)) await context.failed(item, new HandoverError('cancelled', 'The handover was cancelled before this record was sent.'));
    }
  }

  return { deliveryId, target: adapter.target, destination: adapter.destination, at, by, items: refs.map((ref) => results.get(ref)!), logStamp: await stampLog(archiveDir, log, request.tsaUrl) };
}

/**
 * Stamps the log's last line, so that a log cut later is provable (archive/log-stamp.ts). The
 * handover is done and logged whatever the authority does: a failure is said, never thrown.
 */
async function stampLog(archiveDir: string, log: HandoverLog, tsaUrl: string | undefined): Promise<DeliveryResult['logStamp']> {
  if (!tsaUrl) return null;
  try {
    const stamped = await stampLogHead(archiveDir, await log.read(), tsaUrl);
    return stamped ? { seq: stamped.seq, at: stamped.at.toISOString(), error: null } : null;
  } catch (error) {
    return { seq: null, at: null, error: (error as Error).message };
  }
}

/** A failure as the result and the log keep it: the message for IT, the code and params for the sentence people read. */
function failure(error: unknown): Pick<HandoverItemResult, 'error' | 'errorCode' | 'errorParams'> {
  if (error === null) return { error: null, errorCode: null, errorParams: {} };
  return {
    error: error instanceof Error ? error.message : String(error),
    errorCode: error instanceof HandoverError ? error.code : 'internal',
    errorParams: error instanceof HandoverError ? error.params : {},
  };
}

function interruptedItems(entries: LogEntry[], adapter: HandoverAdapter): Map<string, LogEntry> {
  const last = new Map<string, LogEntry>();
  for (const entry of entries) {
    if (entry.snapshotId && entry.target === adapter.target && entry.destination === adapter.destination) last.set(entry.snapshotId, entry);
  }
  return new Map([...last].filter(([, entry]) => entry.event === 'started'));
}

/** Throws when the registrar cancelled, so an adapter stops between records. */
export function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new HandoverError('cancelled', 'The handover was cancelled.');
}
