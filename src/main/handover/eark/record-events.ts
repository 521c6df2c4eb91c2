import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PreservationEvent } from '../../../shared/snapshot';
import { Inventory } from '../../archive/inventory';
import { TIMESTAMP_FILE } from '../../archive/layout';
import { PreservationLog } from '../../archive/preservation-log';
import { readStamp } from '../../evidence/timestamp';
import type { HandoverItem } from '../items';
import type { LogEntry } from '../log';
import { TARGET_NAMES } from '../receipt';

/** The archive's logs, read once for every record of a package. */
export interface ArchiveHistory {
  bagged: Map<string, string>;
  checks: Awaited<ReturnType<PreservationLog['read']>>['entries'];
  handovers: LogEntry[];
}

export async function readHistory(archiveDir: string, handovers: LogEntry[]): Promise<ArchiveHistory> {
  const inventory = await new Inventory(archiveDir).read().catch(() => null);
  const checks = await new PreservationLog(archiveDir).read().then((r) => r.entries, () => []);
  return { bagged: new Map((inventory?.entries ?? []).map((e) => [e.snapshotId, e.at])), checks, handovers };
}

/**
 * Everything that has happened to a record until this handover, as PREMIS events: what its bag's
 * metadata.json holds (the capture, the PDF/A, the checksums), its bagging (the inventory), its
 * trusted timestamp (the stamp itself), every check of the archive's fixity and every earlier
 * delivery (the archive's logs). A record made before events were kept gets its capture from its metadata.
 */
export async function recordEvents(item: HandoverItem, history: ArchiveHistory): Promise<PreservationEvent[]> {
  const { metadata } = item;
  const { capture } = metadata;
  const software = `${capture.tool.name} ${capture.tool.version}`;
  const events: PreservationEvent[] = metadata.events.length > 0 ? [...metadata.events] : [{
    type: 'capture', at: capture.startedAt, agent: software, outcome: capture.warnings.length ? 'warning' : 'success',
    detail: `Ögonblicksbild av ${capture.requestedUrl} med ${capture.browser.name} ${capture.browser.version}, uttagsprofil ${capture.profileVersion}${capture.warnings.length ? `. Ofullständig: ${capture.warnings.join(' ')}` : ''}`,
  }];
  events.push({ type: 'packing', at: history.bagged.get(item.snapshotId) ?? capture.finishedAt, agent: software, outcome: 'success', detail: `Arkiverad som BagIt-påse ${item.ref} med SHA-256-manifest` });
  const tsr = await readFile(path.join(item.bag, TIMESTAMP_FILE)).catch(() => null);
  if (tsr) {
    const stamp = readStamp(tsr);
    events.push({ type: 'digital signature generation', at: stamp.time.toISOString(), agent: stamp.authority, outcome: 'success', detail: `Betrodd tidsstämpel (RFC 3161) av påsens tagmanifest, i ${TIMESTAMP_FILE}` });
  }
  for (const check of history.checks) {
    const record = check.records.find((r) => r.snapshotId === item.snapshotId);
    if (record) events.push({ type: 'fixity check', at: check.at, agent: check.agent, outcome: record.outcome, detail: record.outcome === 'success' ? `Hela arkivet kontrollerades (av ${check.by}): varje fil som när den arkiverades` : `Hela arkivet kontrollerades (av ${check.by}): ${record.detail}` });
  }
  for (const entry of history.handovers) {
    if (entry.event !== 'delivered' || entry.snapshotId !== item.snapshotId || !entry.target) continue;
    events.push({ type: 'transfer', at: entry.at, agent: entry.by, outcome: 'success', detail: `Överlämnad till ${TARGET_NAMES[entry.target]} (${entry.destination}${entry.remoteId ? `, ${entry.remoteId}` : ''})` });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
