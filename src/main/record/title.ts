import { stockholmDay } from '../../shared/dates';
import type { SnapshotMetadata } from '../../shared/snapshot';
import { PLATFORM_NAMES } from '../platforms/names';

/** What a record is of: a snapshot of the channel, or a comment saved before removal or for registering. */
export type RecordSubject = 'snapshot' | 'removal' | 'register';

const SUBJECT_WORDS: Record<RecordSubject, string> = {
  snapshot: 'Ögonblicksbild',
  removal: 'Kommentar sparad före borttagning',
  register: 'Kommentar att registrera',
};

/** What a record's metadata says it is of. */
export function subjectOf(metadata: Pick<SnapshotMetadata, 'kind' | 'comment'>): RecordSubject {
  return metadata.kind === 'comment' ? (metadata.comment?.purpose ?? 'removal') : 'snapshot';
}

/** The record's title, e.g. "Ögonblicksbild Facebook Kultur Umeå 2026-04-14". */
export function recordTitle(metadata: Pick<SnapshotMetadata, 'channel' | 'capture' | 'kind' | 'comment'>): string {
  return titleFor(subjectOf(metadata), metadata.channel.platform, metadata.channel.name, metadata.capture.startedAt);
}

export function titleFor(subject: RecordSubject, platform: string, channelName: string, takenAt: string): string {
  return `${SUBJECT_WORDS[subject]} ${PLATFORM_NAMES[platform] ?? platform} ${channelName} ${stockholmDay(takenAt)}`;
}
