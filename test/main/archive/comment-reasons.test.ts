import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_REASONS_FILE, commentReasons, readOwnReasons, writeOwnReasons } from '../../../src/main/archive/comment-reasons';
import { COMMENT_REASONS } from '../../../src/shared/comment';
import { runCli } from '../../helpers/cli';

describe("the archive's own reasons for saving a comment", () => {
  it('are offered after the guidelines\' reasons, and kept in the archive as JSON', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-reasons-'));
    expect(await commentReasons(dir)).toHaveLength(COMMENT_REASONS.length);
    await writeOwnReasons(dir, [{ code: 'foretagsreklam', label: 'Reklam för eget företag' }]);
    const all = await commentReasons(dir);
    expect(all.at(-1)).toEqual({ code: 'foretagsreklam', sv: 'Reklam för eget företag', en: 'Reklam för eget företag', own: true });
    expect(all.slice(0, COMMENT_REASONS.length).every((r) => !r.own)).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, OWN_REASONS_FILE), 'utf8'))).toEqual([{ code: 'foretagsreklam', label: 'Reklam för eget företag' }]);
  });

  it('refuse a code the guidelines use, a code twice, or a code with other characters, saying which', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-reasons-'));
    await expect(writeOwnReasons(dir, [{ code: 'hot', label: 'Mitt hot' }])).rejects.toMatchObject({ code: 'invalid_arguments', message: expect.stringContaining('"hot" is already taken') });
    await expect(writeOwnReasons(dir, [{ code: 'egen', label: 'A' }, { code: 'egen', label: 'B' }])).rejects.toThrow(/reason 2: the code "egen" is already taken/);
    await expect(writeOwnReasons(dir, [{ code: 'Egen Kod', label: 'A' }])).rejects.toThrow(/small letters/);
    expect(await readOwnReasons(dir)).toEqual([]);
  });

  it('say what is wrong with a hand-edited file instead of offering nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-reasons-'));
    writeFileSync(path.join(dir, OWN_REASONS_FILE), JSON.stringify([{ code: 'x' }]));
    await expect(commentReasons(dir)).rejects.toThrow(/comment-reasons.json in the archive is not a list of \{code, label\}/);
  });
});

describe('a hostile comment-reasons.json', () => {
  it.each([
    ['not JSON', '{inte json'],
    ['a __proto__ code', JSON.stringify([{ code: '__proto__', label: 'x' }])],
    ['a code with a newline', JSON.stringify([{ code: 'ab\ncd', label: 'x' }])],
    ['an object instead of a list', JSON.stringify({ code: 'egen', label: 'x' })],
  ])('(%s) is named in a Swedish sentence, not an internal error', async (_, content) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-reasons-'));
    writeFileSync(path.join(dir, OWN_REASONS_FILE), content);
    await expect(commentReasons(dir)).rejects.toMatchObject({ code: 'settings_unreadable', params: { what: 'reasons' } });
    const run = await runCli(['save-comment', '--reasons', '--archive', dir], { LANG: 'sv_SE.UTF-8' });
    expect(run.stderr).toContain('Kommunens egna skäl att spara kommentarer (comment-reasons.json i arkivmappen) går inte att läsa');
    expect(run.stderr).not.toMatch(/internt fel|^\s+at /m);
  });
});
