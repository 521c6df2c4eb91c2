import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textDifference } from '../../../src/main/archive/compare';

/** Only page.txt is read: a bag's data folder holding just that is enough. */
function bagWithText(archive: string, ref: string, text: string): string {
  const data = path.join(archive, ...ref.split('/'), 'data');
  mkdirSync(data, { recursive: true });
  writeFileSync(path.join(data, 'page.txt'), text);
  return ref;
}

describe('textDifference', () => {
  it('gives the lines the newer snapshot added and the older one lost, and counts the unchanged ones', async () => {
    const archive = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-text-'));
    const older = bagWithText(archive, 'kultur/2026-04-14T083000Z-aaaaaaaa', 'Kultur i Umeå\nKonsert i parken\nBiblioteket stänger\nKontakt\n');
    const newer = bagWithText(archive, 'kultur/2026-09-14T083000Z-bbbbbbbb', 'Kultur i Umeå\n\nKonsert   i parken\nHöstens program\nKontakt\n');
    const diff = await textDifference(archive, older, newer);
    expect(diff).toEqual({
      added: 1,
      removed: 1,
      parts: [
        { kind: 'same', count: 2 },
        { kind: 'removed', lines: ['Biblioteket stänger'] },
        { kind: 'added', lines: ['Höstens program'] },
        { kind: 'same', count: 1 },
      ],
    });
    expect(await textDifference(archive, older, older)).toEqual({ added: 0, removed: 0, parts: [{ kind: 'same', count: 4 }] });
  });
});
