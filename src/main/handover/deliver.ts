import { randomUUID } from 'node:crypto';
import type { DeliveryResult, HandoverItemResult, HandoverTarget } from '../../shared/handover';
import { HandoverError } from './errors';
import { loadItem, type HandoverItem } from './items';
import { deliveries, deliveryKey, HandoverLog, type LogEntry, type NewLogEntry } from './log';

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
  snapshotIds: string[];
  /** Who hands over: the registrar's name or account. */
  by: string;
  now?: () => Date;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Hands records over to one place and logs each outcome. Records already delivered there are
 * skipped, so a re-run after an interruption or a failure sends only what is still missing.
 */
export async function handOver(request: HandoverRequest): Promise<DeliveryResult> {
  const { archiveDir, adapter, by, signal } = request;
  const now = request.now ?? (() => new Date());
  const log = new HandoverLog(archiveDir);
  const { entries } = await log.read();
  const deliveryId = randomUUID();
  const at = now().toISOString();
  const base = { by, deliveryId, target: adapter.target, destination: adapter.destination };
  const delivered = deliveries(entries);
  const results = new Map<string, HandoverItemResult>();
  const snapshotIds = [...new Set(request.snapshotIds)];
  const progress = () => request.onProgress?.(results.size, snapshotIds.length);

  const pending: HandoverItem[] = [];
  for (const snapshotId of snapshotIds) {
    const earlier = delivered.get(deliveryKey(snapshotId, adapter.target, adapter.destination));
    if (earlier) {
      results.set(snapshotId, { snapshotId, title: earlier.title ?? '', status: 'already-delivered', remoteId: earlier.remoteId ?? '', sha256: earlier.sha256 ?? '', error: null, errorCode: null });
      continue;
    }
    try {
      pending.push(await loadItem(archiveDir, snapshotId));
    } catch (error) {
      const message = (error as Error).message;
      await log.append({ ...base, at: now().toISOString(), event: 'failed', snapshotId, error: message });
      results.set(snapshotId, { snapshotId, title: '', status: 'failed', remoteId: '', sha256: '', error: message, errorCode: codeOf(error) });
    }
  }
  progress();

  const entryFor = (item: HandoverItem) => ({ ...base, at: now().toISOString(), snapshotId: item.snapshotId, title: item.title, sha256: item.sha256, bytes: item.bytes, round: item.metadata.round });
  const context: DeliveryContext = {
    signal,
    earlier: entries,
    interrupted: interruptedItems(entries, adapter),
    started: async (item, remoteId) => void (await log.append({ ...entryFor(item), event: 'started', remoteId: remoteId ?? null })),
    delivered: async (item, remoteId) => {
      await log.append({ ...entryFor(item), event: 'delivered', remoteId });
      results.set(item.snapshotId, { snapshotId: item.snapshotId, title: item.title, status: 'delivered', remoteId, sha256: item.sha256, error: null, errorCode: null });
      progress();
    },
    failed: async (item, error) => {
      const message = error instanceof Error ? error.message : String(error);
      await log.append({ ...entryFor(item), event: 'failed', error: message });
      results.set(item.snapshotId, { snapshotId: item.snapshotId, title: item.title, status: 'failed', remoteId: '', sha256: item.sha256, error: message, errorCode: codeOf(error) });
      progress();
    },
    note: async (entry) => void (await log.append({ ...base, at: now().toISOString(), ...entry })),
  };

  if (pending.length > 0) {
    try {
      await adapter.deliver(pending, context);
    } catch (error) {
      // The adapter stopped early (signed out, unreachable, cancelled): what it did not finish failed for that reason.
      for (const item of pending) if (!results.has(item.snapshotId)) await context.failed(item, error);
    }
    for (const item of pending) {
      if (!results.has(item.snapshotId)) await context.failed(item, new HandoverError('cancelled', 'The handover was cancelled before this record was sent.'));
    }
  }

  return { deliveryId, target: adapter.target, destination: adapter.destination, at, by, items: snapshotIds.map((id) => results.get(id)!) };
}

function interruptedItems(entries: LogEntry[], adapter: HandoverAdapter): Map<string, LogEntry> {
  const last = new Map<string, LogEntry>();
  for (const entry of entries) {
    if (entry.snapshotId && entry.target === adapter.target && entry.destination === adapter.destination) last.set(entry.snapshotId, entry);
  }
  return new Map([...last].filter(([, entry]) => entry.event === 'started'));
}

const codeOf = (error: unknown) => (error instanceof HandoverError ? error.code : 'internal');

/** Throws when the registrar cancelled, so an adapter stops between records. */
export function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new HandoverError('cancelled', 'The handover was cancelled.');
}
