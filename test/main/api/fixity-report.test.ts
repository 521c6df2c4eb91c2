import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/api/handlers';
import { MemoryStorage } from '../../../src/main/storage';
import { noShell } from '../../helpers/shell';
import { pdfaViolations } from '../../helpers/pdfa';

describe("saving the archive check's report", () => {
  it('is refused, in words, until the archive has been checked; then it is a PDF/A of that check', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-report-'));
    const saved: string[] = [];
    const api = createHandlers({
      storage: new MemoryStorage(),
      defaultArchiveDir: path.join(work, 'arkiv'),
      profilesRoot: path.join(work, 'profiles'),
      publishCapture: () => undefined,
      showPdf: async () => undefined,
      ...noShell(),
      saveFile: async (name, bytes) => {
        const file = path.join(work, name);
        writeFileSync(file, bytes);
        saved.push(file);
        return file;
      },
    });
    await expect(api.saveFixityReport()).rejects.toMatchObject({ code: 'not_found', params: { what: 'fixity_report' } });
    expect(saved).toEqual([]);

    await api.verifyArchive();
    const file = await api.saveFixityReport();
    expect(file).toMatch(/Kontroll av arkivet \d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdfaViolations(file!)).toEqual([]);
    const text = execFileSync('pdftotext', [file!, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Kontroll av arkivet');
    expect(text).toContain('0 av 0 ögonblicksbilder är oförändrade.');
    expect(text).toContain('Förteckningen 0 ögonblicksbilder väntas enligt arkivets förteckning, 0 finns.');
  });
});
