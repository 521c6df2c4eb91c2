import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { snapshotMetadataSchema, type SnapshotMetadata } from '../../shared/snapshot';
import { METADATA_FILE, TEXT_FILE } from './layout';
import { findBags } from './verify';
import type { Catalogue, SearchHit, SnapshotSummary } from '../../shared/archive';

/**
 * Every snapshot in the archive, newest first, read from the bags themselves: there is no index to
 * lose or to fall out of step with the archive.
 */
export async function readCatalogue(archiveDir: string): Promise<Catalogue> {
  const snapshots: SnapshotSummary[] = [];
  const unreadable: string[] = [];
  for (const bag of await findBags(archiveDir)) {
    const id = path.relative(archiveDir, bag).split(path.sep).join('/');
    try {
      const meta = await readMetadata(bag);
      snapshots.push({
        id,
        channelId: meta.channel.id,
        channelName: meta.channel.name,
        platform: meta.channel.platform,
        unit: meta.channel.unit,
        url: meta.channel.url,
        takenAt: meta.capture.startedAt,
        reason: meta.reason,
        round: meta.round,
        pages: meta.pages.length,
        pageHeight: meta.capture.pageHeight,
        warnings: meta.capture.warnings,
      });
    } catch {
      unreadable.push(id);
    }
  }
  snapshots.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  return { snapshots, unreadable };
}

export async function readMetadata(bag: string): Promise<SnapshotMetadata> {
  return snapshotMetadataSchema.parse(JSON.parse(await readFile(path.join(bag, 'data', METADATA_FILE), 'utf8')));
}

/** A snapshot's folder from its id, refusing anything that would leave the archive. */
export function snapshotPath(archiveDir: string, id: string): string {
  const target = path.resolve(archiveDir, id);
  const relative = path.relative(path.resolve(archiveDir), target);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`"${id}" is not a snapshot in the archive`);
  return target;
}

/** Full-text search over the archived page text (page.txt), case-insensitive. */
export async function searchArchive(archiveDir: string, query: string, limit = 200): Promise<SearchHit[]> {
  const needle = query.trim().toLocaleLowerCase('sv-SE');
  if (!needle) return [];
  const { snapshots } = await readCatalogue(archiveDir);
  const hits: SearchHit[] = [];
  for (const snapshot of snapshots) {
    let text: string;
    try {
      text = await readFile(path.join(snapshotPath(archiveDir, snapshot.id), 'data', TEXT_FILE), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line.toLocaleLowerCase('sv-SE').includes(needle)) continue;
      hits.push({ snapshotId: snapshot.id, channelName: snapshot.channelName, takenAt: snapshot.takenAt, excerpt: line.slice(0, 240) });
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}

/** A small picture of the top of a snapshot, as a PNG data URL for the UI. */
export async function thumbnail(archiveDir: string, id: string, width = 240): Promise<string> {
  const bag = snapshotPath(archiveDir, id);
  const meta = await readMetadata(bag);
  const first = meta.pages[0];
  if (!first) throw new Error(`snapshot ${id} has no screenshot`);
  const height = Math.min(first.height, Math.round(first.width * 0.75));
  const png = await sharp(path.join(bag, 'data', first.file)).extract({ left: 0, top: 0, width: first.width, height }).resize({ width }).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}
