import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { handOver } from '../../../src/main/handover/deliver';
import { HandoverLog } from '../../../src/main/handover/log';
import { deliveriesInLog, receiptPdf } from '../../../src/main/handover/receipt';
import { uploadFolderAdapter } from '../../../src/main/handover/upload-folder';
import { makeArchive, type TestArchive } from '../../helpers/archive';
import { pdfaViolations } from '../../helpers/pdfa';
import type { SnapshotRef } from '../../../src/shared/archive';

let archive: TestArchive;
beforeAll(async () => {
  archive = await makeArchive('handover-receipt');
}, 180_000);

describe('handover receipts', () => {
  it('are read back from the log per delivery and exported as a PDF/A with titles, ids and checksums', async () => {
    const target = mkdtempSync(path.join(os.tmpdir(), 'receipt-target-'));
    const first = await handOver({ archiveDir: archive.dir, adapter: uploadFolderAdapter(target), refs: archive.refs.slice(0, 2), by: 'Rut Registrator' });
    const second = await handOver({ archiveDir: archive.dir, adapter: uploadFolderAdapter(target), refs: [...archive.refs.slice(1), 'finns/2026-01-01T000000Z-00000000' as SnapshotRef], by: 'Rut Registrator' });

    const deliveries = deliveriesInLog(await new HandoverLog(archive.dir).read());
    expect(deliveries.map((d) => d.deliveryId)).toEqual([second.deliveryId, first.deliveryId]);
    // The second run logged only what it did: the new record and the missing one, not the one already there.
    expect(deliveries[0]!.items.map((i) => [i.ref, i.status])).toEqual([['finns/2026-01-01T000000Z-00000000', 'failed'], [archive.refs[2], 'delivered']]);
    expect(deliveries[1]!.items.map((i) => i.status)).toEqual(['delivered', 'delivered']);

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'receipt-')), 'kvitto.pdf');
    writeFileSync(file, await receiptPdf(deliveries[1]!, 'Umeå kommun'));
    expect(pdfaViolations(file)).toEqual([]);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Kvitto på överlämning');
    expect(text).toContain('Rut Registrator');
    expect(text).toContain('Platinas uppladdningsstruktur');
    for (const item of first.items) {
      expect(text).toContain(item.sha256);
      expect(text.replace(/\s+/g, ' ')).toContain(item.title);
    }
    expect(text).toContain(deliveries[1]!.logSeal);
  });
});
