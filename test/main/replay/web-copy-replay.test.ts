import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLAY_ORIGIN, replayRequestAllowed } from '../../../src/main/app-url';
import { frameNavigationAllowed } from '../../../src/main/api/dispatch';
import { WebCopyReplay, webCopyOf } from '../../../src/main/replay/web-copy-replay';
import { KanalarkivError } from '../../../src/shared/errors';
import { makeTestBag } from '../../helpers/bag';

const dir = mkdtempSync(path.join(os.tmpdir(), 'replay-'));
const wacz = path.join(dir, 'page.wacz');
writeFileSync(wacz, Buffer.from('0123456789'));
const copy = { file: wacz, url: 'https://www.facebook.com/kulturumea', takenAt: '2026-04-14T08:30:00.000Z', title: 'Kultur <Umeå> & "vänner"' };

describe('the web copy replay', () => {
  it('serves only copies the app opened: another id, another path or a path out of the folder is not found', async () => {
    const replay = new WebCopyReplay();
    const page = replay.add(copy);
    expect((await replay.answer(page, undefined)).status).toBe(200);
    for (const other of [`/copy/${'0'.repeat(8)}-0000-4000-8000-000000000000/page.wacz`, `${page}metadata.json`, `${page}../../etc/passwd`, '/replay/../package.json', '/replay/index.html', '/']) {
      expect((await replay.answer(other, undefined)).status, other).toBe(404);
    }
  });

  it('answers the Range requests ReplayWeb.page reads a WACZ with, and refuses a range it cannot give', async () => {
    const replay = new WebCopyReplay();
    const file = `${replay.add(copy)}page.wacz`;
    expect(await replay.answer(file, 'bytes=2-4')).toMatchObject({ status: 206, headers: { 'content-range': 'bytes 2-4/10', 'content-length': '3' }, body: { file: wacz, start: 2, end: 4 } });
    expect(await replay.answer(file, 'bytes=-3')).toMatchObject({ status: 206, body: { start: 7, end: 9 } });
    expect(await replay.answer(file, 'bytes=8-')).toMatchObject({ status: 206, body: { start: 8, end: 9 } });
    expect(await replay.answer(file, undefined)).toMatchObject({ status: 200, headers: { 'content-length': '10', 'accept-ranges': 'bytes' } });
    expect((await replay.answer(file, 'bytes=20-30')).status).toBe(416);
    expect((await replay.answer(file, 'lines=1-2')).status).toBe(416);
  });

  it('says on the page what is shown and that it comes from the archive, with the page\'s words escaped', async () => {
    const replay = new WebCopyReplay();
    const answer = await replay.answer(replay.add(copy), undefined);
    const html = (answer.body as Buffer).toString('utf8');
    expect(html).toContain('Webbkopia från arkivet');
    expect(html).toContain('tagen 14 april 2026 kl. 10:30');
    expect(html).toContain('Kultur &#60;Umeå&#62; &#38; &#34;vänner&#34;');
    expect(html).toContain('ts="20260414083000"');
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    // ReplayWeb.page's own files, from the installed package.
    expect((await replay.answer('/replay/sw.js', undefined)).status).toBe(200);
  });

  it('lets a replay window reach only the replay: never the live web', () => {
    expect(replayRequestAllowed(`${REPLAY_ORIGIN}/copy/x/page.wacz`)).toBe(true);
    expect(replayRequestAllowed('blob:kanalarkiv-replay://copies/1234')).toBe(true);
    for (const url of ['https://www.facebook.com/kulturumea', 'http://127.0.0.1:8080/', 'kanalarkiv-replay://other/copy', 'file:///etc/passwd', 'app://kanalarkiv/index.html', 'not a url']) {
      expect(replayRequestAllowed(url), url).toBe(false);
    }
    expect(frameNavigationAllowed(`${REPLAY_ORIGIN}/replay/w/id/mp_/https://www.facebook.com/`, 'app://kanalarkiv/index.html')).toBe(true);
    expect(frameNavigationAllowed('https://www.facebook.com/', 'app://kanalarkiv/index.html')).toBe(false);
  });

  it('names a record without a web copy in words (made before web copies, or the file removed)', async () => {
    const archive = mkdtempSync(path.join(os.tmpdir(), 'replay-archive-'));
    const bag = await makeTestBag(archive);
    const ref = path.relative(archive, bag).split(path.sep).join('/');
    const refused = await webCopyOf(archive, ref).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(KanalarkivError);
    expect(refused).toMatchObject({ code: 'not_found', params: { what: 'web_copy' } });
  });
});
