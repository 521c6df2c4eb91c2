import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { runCli } from '../helpers/cli';

/** Pages and channel lists made to hurt the record: whatever a site or a list holds, a capture ends, in time. */
let site: FixtureSite;
let work: string;
beforeAll(async () => {
  site = await startFixtureSite();
  work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-hostile-'));
});
afterAll(() => site?.close());

const channelFile = (name: string, entries: object[]) => {
  const file = path.join(work, name);
  writeFileSync(file, JSON.stringify(entries));
  return file;
};

describe('hostile input', () => {
  it('a page with a title of 2,400 characters and a 20,000-letter word is archived within its timeout, the title cut on the cover and kept whole in metadata.json', async () => {
    const channels = channelFile('lang.json', [{ id: 'lang', name: 'Å'.repeat(200), platform: 'web', url: site.url('/long-title'), unit: 'U', owners: ['A', 'B'] }]);
    const archive = path.join(work, 'arkiv');
    const run = await runCli(['capture', '--channels', channels, '--archive', archive, '--timeout', '30', '--json'], { KANALARKIV_HOME: path.join(work, 'home') });
    expect(run.code, run.stderr).toBe(0);
    const [result] = JSON.parse(run.stdout).results;
    const metadata = JSON.parse(readFileSync(path.join(result.record, 'data', 'metadata.json'), 'utf8'));
    expect(metadata.capture.title).toBe(`${'x'.repeat(2_400)} Kultur`);
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '2', path.join(result.record, 'data', 'record.pdf'), '-'], { encoding: 'utf8' });
    expect(cover).toMatch(/förkortad från 2\s?407 tecken/);
    expect(cover).toMatch(/px, utskriven på \d+ A4-sid(a|or) efter försättsbladet/);
    const text = execFileSync('pdftotext', [path.join(result.record, 'data', 'record.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Slutord');
  });

  it('an image that never loads: the record is archived, and the record and the result say the image is missing', async () => {
    const channels = channelFile('bild.json', [{ id: 'bild', name: 'Bild', platform: 'web', url: site.url('/image-hangs'), unit: 'U', owners: ['A', 'B'] }]);
    const run = await runCli(['capture', '--channels', channels, '--archive', path.join(work, 'arkiv-bild'), '--timeout', '60', '--json'], { KANALARKIV_HOME: path.join(work, 'home') });
    expect(run.code, run.stderr).toBe(0);
    const [result] = JSON.parse(run.stdout).results;
    // The page never finishes loading because of the image; before, nothing said the image itself was missing.
    expect(result.warnings.map((w: { code: string }) => w.code)).toEqual(['not_loaded', 'images_pending']);
    expect(result.warnings[1]).toMatchObject({ values: { count: 1 } });
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', path.join(result.record, 'data', 'record.pdf'), '-'], { encoding: 'utf8' });
    expect(cover.replace(/\s+/g, ' ')).toContain('En bild laddades fortfarande när dess del av sidan togs; den kan saknas i ögonblicksbilden.');
  });

  it('refuses a channel list whose names are longer than a record can show, naming the entry and field', async () => {
    const channels = channelFile('namn.json', [{ id: 'namn', name: 'N'.repeat(10_000), platform: 'web', url: site.url('/plain'), unit: 'U', owners: ['A', 'B'] }]);
    const run = await runCli(['capture', '--channels', channels, '--archive', path.join(work, 'arkiv2')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/entry 1, field "name": is longer than 200 characters/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
