import { z } from 'zod';
import type { ArchiveReport } from '../../shared/archive';
import { ChainedLog, type ChainReading } from './chained-log';
import { EVENTS_FILE, EVENTS_HEAD_FILE } from './layout';

const entrySchema = z.object({
  seq: z.number().int().positive(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  /** Who ran the check: the user, or the scheduled task's account. */
  by: z.string(),
  /** The software that checked. */
  agent: z.string(),
  type: z.literal('fixity check'),
  /** Each record checked: success when every file is as archived, failure with what was wrong. */
  records: z.array(z.object({ snapshotId: z.string().nullable(), ref: z.string(), outcome: z.enum(['success', 'failure']), detail: z.string() })),
});
export type PreservationLogEntry = z.infer<typeof entrySchema>;

/**
 * The archive's own events that no bag can hold (a bag is sealed, and its stamp covers it): each
 * check of the whole archive's fixity, with every record's outcome, as PREMIS "fixity check" events.
 * Chained like the handover log, so that a check cannot be removed unseen. The e-archive package's
 * PREMIS lists a record's checks from here.
 */
export class PreservationLog {
  private readonly chain: ChainedLog<PreservationLogEntry>;

  constructor(archiveDir: string) {
    this.chain = new ChainedLog(archiveDir, EVENTS_FILE, EVENTS_HEAD_FILE, 'preservation-events', entrySchema);
  }

  read(): Promise<ChainReading<PreservationLogEntry>> {
    return this.chain.read();
  }

  /** Logs a check of the whole archive: every bag it found, with its identity. */
  recordCheck(report: ArchiveReport, by: string, agent: string, at = new Date()): Promise<PreservationLogEntry> {
    const records = report.bags.filter((bag) => bag.bag !== '.').map((bag) => ({
      snapshotId: bag.snapshotId ?? null,
      ref: bag.bag,
      outcome: bag.problems.length === 0 ? ('success' as const) : ('failure' as const),
      detail: bag.problems.map((p) => `${p.file}: ${p.detail}`).join('; '),
    }));
    return this.chain.append((link) => ({ ...link, at: at.toISOString(), by, agent, type: 'fixity check', records }));
  }
}
