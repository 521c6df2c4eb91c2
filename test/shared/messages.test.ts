import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorMessageKeys, KanalarkivError } from '../../src/shared/errors';
import en from '../../src/shared/messages/en.json';
import sv from '../../src/shared/messages/sv.json';

type Catalogue = { [key: string]: string | Catalogue };
const flat = (catalogue: Catalogue, prefix = ''): Map<string, string> =>
  new Map(Object.entries(catalogue).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : [...flat(value, `${prefix}${key}.`)])));
const SV = flat(sv as Catalogue);
const EN = flat(en as Catalogue);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Every source file of the core, for what it throws. */
const coreFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? coreFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []));

describe('the message catalogue the UI and the command line share', () => {
  it('has every text in Swedish and in English, with the same values to fill in', () => {
    expect([...EN.keys()].filter((k) => !SV.has(k))).toEqual([]);
    expect([...SV.keys()].filter((k) => !EN.has(k))).toEqual([]);
    expect([...SV].filter(([key, text]) => placeholders(text).join() !== placeholders(EN.get(key) ?? '').join()).map(([key]) => key)).toEqual([]);
  });

  it('has a sentence for every exact failure the core throws (its code and `what`)', () => {
    const thrown = coreFiles('src/main').flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').flatMap((line) => [...line.matchAll(/Error\('(\w+)',.*\{ what: '(\w+)'/g)].map((m) => ({ file, code: m[1]!, what: m[2]! }))),
    );
    expect(thrown.length).toBeGreaterThan(20);
    const unsaid = thrown.filter(({ code, what }) => !errorMessageKeys(code, { what }).slice(0, 3).some((key) => SV.has(key)));
    expect(unsaid).toEqual([]);
  });

  it('picks the most exact sentence first, then the code, then the general one', () => {
    const error = new KanalarkivError('settings', 'No upload folder is set.', { what: 'upload_folder' });
    expect(errorMessageKeys(error.code, error.params).slice(0, 4)).toEqual(['error.settings_upload_folder', 'handoverError.settings_upload_folder', 'captureError.settings_upload_folder', 'error.settings']);
    expect(errorMessageKeys('timeout').at(-1)).toBe('error.internal');
    const exact = errorMessageKeys(error.code, error.params).find((key) => SV.has(key));
    expect(SV.get(exact!)).toBe('Ingen uppladdningsmapp är vald. Välj en under ”Inställningar för överlämning”.');
  });
});
