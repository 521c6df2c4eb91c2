import type { SnapshotMetadata } from '../../shared/snapshot';

export const PLATFORM_NAMES: Record<string, string> = {
  facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn', x: 'X', youtube: 'YouTube', tiktok: 'TikTok', bluesky: 'Bluesky', mastodon: 'Mastodon', threads: 'Threads', web: 'Webbplats',
};

/** The record's title, e.g. "Ögonblicksbild Facebook Kultur Umeå 2026-04-14". */
export function recordTitle(metadata: Pick<SnapshotMetadata, 'channel' | 'capture'>): string {
  return titleFor(metadata.channel.platform, metadata.channel.name, metadata.capture.startedAt);
}

export function titleFor(platform: string, channelName: string, takenAt: string): string {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short' }).format(new Date(takenAt));
  return `Ögonblicksbild ${PLATFORM_NAMES[platform] ?? platform} ${channelName} ${day}`;
}
