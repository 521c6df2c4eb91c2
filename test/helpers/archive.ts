import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCatalogue } from '../../src/main/archive/catalogue';
import { runCapture } from '../../src/main/pipeline/run';
import type { SnapshotRef } from '../../src/shared/archive';
import type { Channel } from '../../src/shared/channel';
import { startFixtureSite } from '../fixtures/site/server';

export interface TestArchive {
  dir: string;
  /** Where each snapshot is, in capture order of the channels below. */
  refs: SnapshotRef[];
  /** Each snapshot's identity (metadata.json), in the same order. */
  snapshotIds: string[];
}

/**
 * A small real archive to hand over: three channels of two units captured from the fixture site,
 * all in the round "2026 april".
 */
export async function makeArchive(prefix: string): Promise<TestArchive> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const site = await startFixtureSite();
  try {
    const channel = (id: string, name: string, p: string, unit: string, platform: Channel['platform'] = 'web'): Channel => ({ id, name, platform, url: site.url(p), unit, owners: ['Anna Berg', 'Olof Lind'], pageOwner: 'Anna Berg', notes: '', active: true });
    const channels = [channel('kultur', 'Kultur Umeå', '/plain', 'Kulturförvaltningen'), channel('bibliotek', 'Biblioteken', '/seemore', 'Kulturförvaltningen'), channel('skola', 'Skolan: "Vår" <bästa>', '/plain', 'Utbildning', 'facebook')];
    const results = await runCapture({ channels, archiveDir: dir, reason: 'Vårens ögonblicksbild', roundOf: () => '2026 april', organisation: 'Umeå kommun', timeoutMs: 60_000, concurrency: 2, profilesRoot: null });
    const failed = results.filter((r) => r.status !== 'ok');
    if (failed.length > 0) throw new Error(`test archive: ${failed.map((r) => `${r.channel} ${r.error?.code}`).join(', ')}`);
    const { snapshots } = await readCatalogue(dir);
    const taken = channels.map((c) => snapshots.find((s) => s.channelId === c.id)!);
    return { dir, refs: taken.map((s) => s.ref), snapshotIds: taken.map((s) => s.snapshotId) };
  } finally {
    await site.close();
  }
}
