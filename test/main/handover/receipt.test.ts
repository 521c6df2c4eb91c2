import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
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
    // The line's number: a log later cut shorter than that is proved cut by the paper receipt.
    expect(deliveries[1]!.logSeq).toBeGreaterThan(1);
    expect(text).toContain(`nr ${deliveries[1]!.logSeq} i handover-log.jsonl`);
  });

  it('say in Swedish why a record failed (a damaged one here), with the English detail for IT', async () => {
    // A copy of the archive, so the other test's records stay whole.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'receipt-damaged-'));
    cpSync(archive.dir, dir, { recursive: true });
    const record = path.join(dir, ...archive.refs[0]!.split('/'), 'data', 'page.txt');
    chmodSync(path.dirname(record), 0o755);
    chmodSync(record, 0o644);
    writeFileSync(record, 'ändrad');
    const result = await handOver({ archiveDir: dir, adapter: uploadFolderAdapter(mkdtempSync(path.join(os.tmpdir(), 'receipt-target-'))), refs: [archive.refs[0]!], by: 'Rut Registrator' });
    expect(result.items[0]).toMatchObject({ status: 'failed', errorCode: 'damaged', errorParams: { what: 'fixity' } });

    const [delivery] = deliveriesInLog(await new HandoverLog(dir).read());
    expect(delivery!.items[0]).toMatchObject({ errorCode: 'damaged', errorParams: { what: 'fixity' } });
    const file = path.join(dir, 'kvitto.pdf');
    writeFileSync(file, await receiptPdf(delivery!, 'Umeå kommun'));
    expect(pdfaViolations(file)).toEqual([]);
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Orsak Ögonblicksbilden har ändrats eller skadats sedan den sparades och lämnades därför inte över.');
    expect(text).toMatch(/Teknisk detalj .*failed its fixity check/);
  });
});
