import type { SnapshotRef } from '../../../shared/archive';
import type { PlatinaPreview, PlatinaSettings } from '../../../shared/handover';
import { HandoverError } from '../errors';
import { loadItem, type HandoverItem } from '../items';
import { HandoverLog } from '../log';
import { platinaPlan } from './adapter';

/** What a delivery of `refs` to Platina would create, read from the archive alone: nothing is sent or written. */
export async function previewPlatina(archiveDir: string, settings: PlatinaSettings, refs: SnapshotRef[], now?: () => Date): Promise<PlatinaPreview> {
  const { entries } = await new HandoverLog(archiveDir).read();
  const items: HandoverItem[] = [];
  const refused: PlatinaPreview['refused'] = [];
  for (const ref of refs) {
    try {
      items.push(await loadItem(archiveDir, ref));
    } catch (error) {
      if (!(error instanceof HandoverError)) throw error;
      refused.push({ ref, code: error.code, message: error.message });
    }
  }
  return { ...platinaPlan(settings, items, entries, now), refused };
}
