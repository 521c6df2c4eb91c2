import path from 'node:path';
import type { ArchiveReport } from '../../shared/archive';
import { KanalarkivError } from '../../shared/errors';
import type { KanalarkivApi } from '../../shared/ipc';
import { readCatalogue, readMetadata, searchArchive, snapshotPath, thumbnail } from '../archive/catalogue';
import { difference, pageImage, textDifference } from '../archive/compare';
import { fixityReportPdf } from '../archive/fixity-report';
import { DATA_DIR, RECORD_FILE } from '../archive/layout';
import { PreservationLog } from '../archive/preservation-log';
import type { SharedSettings } from '../archive/shared-settings';
import { inspectStamp } from '../archive/stamp-check';
import { checkArchive, damagedRecords } from '../handover/check';
import { currentUser } from '../register/register';
import { webCopyOf, type WebCopy } from '../replay/web-copy-replay';
import { softwareName } from '../resources';

export interface ArchiveContext {
  /** The archive folder (created if missing). */
  archive: () => Promise<string>;
  /** The archive's shared settings: its organisation, file archive and trusted roots. */
  shared: () => Promise<SharedSettings>;
  now: () => Date;
  showPdf: (file: string) => Promise<void>;
  showWebCopy: (copy: WebCopy) => Promise<void>;
  saveFile: (suggestedName: string, bytes: Uint8Array) => Promise<string | null>;
}

type ArchiveApi = Pick<KanalarkivApi, 'listSnapshots' | 'getThumbnail' | 'searchArchive' | 'verifyArchive' | 'saveFixityReport' | 'checkRecords' | 'getSnapshot' | 'getStamp' | 'getPageImage' | 'compareSnapshots' | 'compareText' | 'openRecordPdf' | 'openWebCopy'>;

/** The archivist's calls: the records, their search, their check and what proves them, and opening them. */
export function createArchiveHandlers(context: ArchiveContext): ArchiveApi {
  const { archive, shared } = context;
  /** The last check of the archive, kept so its report can be saved without checking again. */
  let lastCheck: { at: Date; archiveDir: string; report: ArchiveReport } | null = null;
  return {
    async listSnapshots() {
      return readCatalogue(await archive());
    },
    async getThumbnail(ref) {
      return thumbnail(await archive(), ref);
    },
    async searchArchive(query) {
      return searchArchive(await archive(), query);
    },
    async verifyArchive() {
      const dir = await archive();
      const at = context.now();
      const { handover, tsaRoots } = await shared();
      const report = await checkArchive(dir, handover.fileArchiveDir, tsaRoots);
      lastCheck = { at, archiveDir: dir, report };
      // Each record's fixity check is a PREMIS event; an archive that cannot be written to is still checked.
      await new PreservationLog(dir).recordCheck(report, currentUser(), softwareName(), at).catch(() => undefined);
      return report;
    },
    async saveFixityReport() {
      // The report of the check the user just saw, not a new one: on a large archive a check takes minutes.
      if (!lastCheck) throw new KanalarkivError('not_found', 'No check of the archive has been run since Kanalarkiv started; run "Kontrollera arkivet" first.', { what: 'fixity_report' });
      const { organisation } = await shared();
      const pdf = await fixityReportPdf(lastCheck.report, { ...lastCheck, organisation, by: currentUser() });
      const day = lastCheck.at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
      return context.saveFile(`Kontroll av arkivet ${day}.pdf`, pdf);
    },
    async checkRecords(refs) {
      return damagedRecords(await archive(), refs, (await shared()).handover.fileArchiveDir);
    },
    async getSnapshot(ref) {
      return readMetadata(snapshotPath(await archive(), ref));
    },
    async getStamp(ref) {
      const bag = snapshotPath(await archive(), ref);
      const { tsaRoots } = await shared();
      const { summary, holds } = await inspectStamp(bag, (await readMetadata(bag)).capture.startedAt, tsaRoots);
      return summary && { ...summary, holds, rootsSet: tsaRoots !== '' };
    },
    async getPageImage(ref, index) {
      return pageImage(await archive(), ref, index);
    },
    async compareSnapshots(a, b, index) {
      return difference(await archive(), a, b, index);
    },
    async compareText(a, b) {
      return textDifference(await archive(), a, b);
    },
    async openRecordPdf(ref) {
      await context.showPdf(path.join(snapshotPath(await archive(), ref), DATA_DIR, RECORD_FILE));
    },
    async openWebCopy(ref) {
      await context.showWebCopy(await webCopyOf(await archive(), ref));
    },
  };
}
