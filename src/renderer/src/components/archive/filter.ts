import type { SnapshotSummary } from '../../../../shared/archive';
import { stockholmDay } from '../../../../shared/dates';

/** The archive list's filters; '' means any. `round` is a round's name, NO_ROUND, or ''. */
export interface ArchiveFilter {
  channel: string;
  unit: string;
  platform: string;
  round: string;
  kind: '' | SnapshotSummary['kind'];
  /** Days in Swedish time, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  order: 'channel' | 'newest' | 'oldest';
}

/** A value no round name can be (round names are the register's words): the option for records outside every round. */
export const NO_ROUND = '\u0000none';

export const NO_FILTER: ArchiveFilter = { channel: '', unit: '', platform: '', round: '', kind: '', from: '', to: '', order: 'channel' };

/** The records the filters let through, in the order asked for; the catalogue is newest first. */
export function filterSnapshots(snapshots: SnapshotSummary[], filter: ArchiveFilter): SnapshotSummary[] {
  const shown = snapshots.filter((s) => {
    if (filter.channel && s.channelId !== filter.channel) return false;
    if (filter.unit && s.unit !== filter.unit) return false;
    if (filter.platform && s.platform !== filter.platform) return false;
    if (filter.round && (filter.round === NO_ROUND ? s.round !== null : s.round !== filter.round)) return false;
    if (filter.kind && s.kind !== filter.kind) return false;
    if (filter.from || filter.to) {
      const day = stockholmDay(s.takenAt);
      if ((filter.from && day < filter.from) || (filter.to && day > filter.to)) return false;
    }
    return true;
  });
  return filter.order === 'oldest' ? shown.reverse() : shown;
}

/** What the filters can choose from: the values the archive holds, sorted as Swedish is. */
export function filterChoices(snapshots: SnapshotSummary[]) {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'sv'));
  const channels = new Map(snapshots.map((s) => [s.channelId, s.channelName]));
  return {
    channels: [...channels].sort((a, b) => a[1].localeCompare(b[1], 'sv')),
    units: sorted(snapshots.map((s) => s.unit)),
    platforms: sorted(snapshots.map((s) => s.platform)),
    rounds: [...new Set(snapshots.flatMap((s) => (s.round ? [s.round] : [])))],
    outsideRounds: snapshots.some((s) => s.round === null),
  };
}
