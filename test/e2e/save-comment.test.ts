import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotMetadataSchema } from '../../src/shared/snapshot';
import { REMOVED_COMMENTS } from '../fixtures/site/comments';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { runCli } from '../helpers/cli';
import { readWacz } from '../helpers/wacz';

/**
 * Saving one comment or post before it is removed (issue 15), through the CLI as a page owner's
 * script would: found from the link as each platform marks it, or from the #fragment; its record
 * a bag like a snapshot's, of kind "comment", with a Swedish cover.
 */
let site: FixtureSite;
let work: string;
let channels: string;
beforeAll(async () => {
  site = await startFixtureSite();
  work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-comment-'));
  channels = path.join(work, 'kanaler.json');
  const channel = (id: string, platform: string, url: string) => ({ id, name: `Kanal ${id}`, platform, url: site.url(url), unit: 'Kulturförvaltningen', owners: ['Anna Berg', 'Olof Lind'] });
  writeFileSync(channels, JSON.stringify([channel('kultur-fb', 'facebook', '/comment/facebook/kulturumea'), channel('umea-x', 'x', '/comment/x/umeakommun'), channel('umea-ig', 'instagram', '/comment/instagram/umea_kommun'), channel('kultur-dialog', 'facebook', '/visitor/facebook-dialog'), channel('ig-wall', 'instagram', '/visitor/instagram-wall'), channel('cykel', 'web', '/comment/web')]));
}, 60_000);
afterAll(() => site?.close());

const save = async (url: string, channel: string, reason: string, extra: string[] = []) => {
  const run = await runCli(['save-comment', site.url(url), '--archive', path.join(work, 'arkiv'), '--channels', channels, '--channel', channel, '--reason', reason, '--json', '--timeout', '40', ...extra], { KANALARKIV_HOME: path.join(work, 'home') });
  const [result] = JSON.parse(run.stdout).results as Array<{ status: string; record: string | null; error: { code: string; message: string } | null; warnings: Array<{ code: string }> }>;
  return { run, result: result! };
};
const metadataOf = (record: string) => snapshotMetadataSchema.parse(JSON.parse(readFileSync(path.join(record, 'data', 'metadata.json'), 'utf8')));
const coverOf = (record: string) => execFileSync('pdftotext', ['-f', '1', '-l', '2', path.join(record, 'data', 'record.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('kanalarkiv save-comment', () => {
  it('saves a Facebook comment from its link: the comment alone, then its post with it outlined, its author and time, who and why', async () => {
    const { run, result } = await save('/comment/facebook/kulturumea/posts/42?comment_id=111', 'kultur-fb', 'hot', ['--note', 'Hot mot en anställd', '--by', 'Sara Ek']);
    expect(result.status, JSON.stringify(result.error) + run.stderr).toBe('ok');
    const meta = metadataOf(result.record!);
    expect(meta.kind).toBe('comment');
    expect(meta.round).toBeNull();
    const comment = meta.comment!;
    expect(comment.text).toContain('Jag vet var du bor');
    // The reply inside the comment's thread is part of what is shown, but its author is not the comment's.
    expect(comment.author).toEqual({ name: 'Anna Berg', profileUrl: site.url('/anna.berg') });
    expect(comment.shownTime).toBe('2 v');
    expect(comment.contextText).toContain('Välkommen på kulturnatten');
    expect(comment).toMatchObject({ reason: { code: 'hot', label: 'Hot' }, note: 'Hot mot en anställd', savedBy: 'Sara Ek', purpose: 'removal', foundBy: 'link', personalData: true, secrecyReview: false });
    expect(meta.pages).toHaveLength(2);
    expect(meta.pages[1]!.height).toBeGreaterThan(meta.pages[0]!.height);
    const cover = coverOf(result.record!);
    expect(cover).toContain('Kommentar sparad före borttagning Facebook Kanal kultur-fb');
    expect(cover).toContain('Författare Anna Berg (som namnet visades)');
    expect(cover).toContain('Anna Berg · Jag vet var du bor');
    expect(cover).toContain('Anledning Hot');
    expect(cover).toContain('Sparad av Sara Ek');
    expect(cover).toContain('Innehåller personuppgifter om en privatperson');
    // The text layer makes the comment searchable in the PDF.
    const all = execFileSync('pdftotext', [path.join(result.record!, 'data', 'record.pdf'), '-'], { encoding: 'utf8' });
    expect(all.split('Jag vet var du bor').length).toBeGreaterThan(3);
    // The comment's page is kept as a web copy too, read back with warcio alone: the comment is in it.
    const wacz = await readWacz(path.join(result.record!, 'data', 'page.wacz'));
    expect(wacz.pages.slice(1).map((p) => p.url)).toEqual([site.url('/comment/facebook/kulturumea/posts/42?comment_id=111')]);
    const page = wacz.records.find((r) => r.type === 'response' && r.url === wacz.pages[1]!.url)!;
    expect(page.body.toString('utf8')).toContain('Jag vet var du bor');
    expect(meta.files.find((f) => f.role === 'web_copy')?.path).toBe('data/page.wacz');
  });

  it('takes a reply by its own id, expands "Visa mer", and marks sensitive data for a secrecy review', async () => {
    const reply = await save('/comment/facebook/kulturumea/posts/42?comment_id=111&reply_comment_id=222', 'kultur-fb', 'kansliga-personuppgifter');
    expect(reply.result.status, JSON.stringify(reply.result.error)).toBe('ok');
    const replied = metadataOf(reply.result.record!).comment!;
    expect(replied.author.name).toBe('Olof Lind');
    expect(replied.text).not.toContain('Jag vet var du bor');
    expect(replied.secrecyReview).toBe(true);
    expect(coverOf(reply.result.record!)).toContain('Sekretessprövning Ja');

    const spam = await save('/comment/facebook/kulturumea/posts/42?comment_id=333', 'kultur-fb', 'spam');
    expect(metadataOf(spam.result.record!).comment!.text).toContain('bästa priset i stan');
  });

  it('registers a suggestion with the answer given to it, from the answer\'s link in the same thread', async () => {
    const { result } = await save('/comment/facebook/kulturumea/posts/42?comment_id=444', 'kultur-fb', 'synpunkt', ['--answer', site.url('/comment/facebook/kulturumea/posts/42?comment_id=444&reply_comment_id=555')]);
    expect(result.status, JSON.stringify(result.error)).toBe('ok');
    const meta = metadataOf(result.record!);
    expect(meta.comment).toMatchObject({ purpose: 'register', author: { name: 'Sara Ek' }, answer: { author: { name: 'Kultur Umeå' }, shownTime: '3 tim' } });
    expect(meta.comment!.answer!.text).toContain('Vi tar med det till kulturnämnden');
    expect(meta.pages).toHaveLength(3);
    const cover = coverOf(result.record!);
    expect(cover).toContain('Kommentar att registrera');
    expect(cover).toContain('Svaret Svar av Kultur Umeå');
  });

  it("offers the archive's own reasons beside the guidelines'", async () => {
    const arkiv = path.join(work, 'arkiv');
    writeFileSync(path.join(arkiv, 'comment-reasons.json'), JSON.stringify([{ code: 'foretagsreklam', label: 'Reklam för eget företag' }]));
    const listed = await runCli(['save-comment', '--reasons', '--archive', arkiv]);
    expect(listed.stdout).toMatch(/^hot +Hot$/m);
    expect(listed.stdout).toMatch(/^foretagsreklam +Reklam för eget företag$/m);
    const { result } = await save('/comment/facebook/kulturumea/posts/42?comment_id=333', 'kultur-fb', 'foretagsreklam');
    expect(result.status, JSON.stringify(result.error)).toBe('ok');
    expect(metadataOf(result.record!).comment).toMatchObject({ reason: { code: 'foretagsreklam', label: 'Reklam för eget företag' }, purpose: 'removal', secrecyReview: false });
  });

  it('saves an X post by its status link, with the exact time the page gives', async () => {
    const { result } = await save('/comment/x/kallestrom/status/1001', 'umea-x', 'personangrepp');
    expect(result.status, JSON.stringify(result.error)).toBe('ok');
    const comment = metadataOf(result.record!).comment!;
    expect(comment.text).toContain('Ni är helt värdelösa');
    expect(comment.author.name).toBe('Kalle Ström');
    expect(comment).toMatchObject({ shownTime: '30 nov.', exactTime: '2026-11-30T07:02:00.000Z' });
  });

  it('saves an Instagram comment by its /c/ link', async () => {
    const { result } = await save('/comment/instagram/p/DAbc123/c/181/', 'umea-ig', 'spam');
    expect(result.status, JSON.stringify(result.error)).toBe('ok');
    const comment = metadataOf(result.record!).comment!;
    expect(comment.text).toContain('gratis iPhones');
    expect(comment.text).not.toContain('Var är det');
    expect(comment).toMatchObject({ author: { name: 'troll_1234' }, shownTime: '2 d', exactTime: '2026-11-29T12:00:00.000Z' });
  });

  it('saves a comment on any web page by the link\'s #anchor, and an opinion to register is "Kommentar att registrera"', async () => {
    const { result } = await save('/comment/web#kommentar-2', 'cykel', 'synpunkt');
    expect(result.status, JSON.stringify(result.error)).toBe('ok');
    const meta = metadataOf(result.record!);
    expect(meta.comment).toMatchObject({ foundBy: 'fragment', purpose: 'register' });
    expect(meta.comment!.text).toContain('Kan ni bygga en bro');
    expect(meta.comment!.text).not.toContain('belysningen');
    expect(coverOf(result.record!)).toContain('Kommentar att registrera Webbplats Kanal cykel');
  });

  it('says what is wrong with a bad link: not a comment, a comment that is gone, a login wall, an unknown reason', async () => {
    const none = await save('/comment/web', 'cykel', 'spam');
    expect([none.result.status, none.result.error?.code]).toEqual(['failed', 'not_a_comment']);
    const gone = await save('/comment/facebook/kulturumea/posts/42?comment_id=999999', 'kultur-fb', 'spam');
    expect([gone.result.status, gone.result.error?.code]).toEqual(['failed', 'comment_not_found']);
    expect(gone.result.error!.message).toMatch(/already be removed/);
    const wall = await save('/comment/facebook-wall?comment_id=1', 'kultur-fb', 'spam');
    expect(wall.result.error?.code).toBe('login_required');
    const unknown = await save('/comment/web#kommentar-1', 'cykel', 'otrevligt');
    expect(unknown.run.code).toBe(1);
    expect(unknown.run.stderr).toContain('--reasons');
  });

  it('a wall that appears when the page is scrolled to the comment is passed or reported, never photographed over it', async () => {
    // Instagram's wall comes after some scrolling and cannot be closed.
    const walled = await save('/visitor/instagram-wall', 'ig-wall', 'spam', ['--selector', 'article:nth-of-type(20)']);
    expect([walled.result.status, walled.result.error?.code]).toEqual(['failed', 'login_required']);
    // Facebook's dialog can be closed; with a login profile, showing it means the session has run out.
    const profiles = path.join(work, 'profiler');
    mkdirSync(path.join(profiles, 'facebook'), { recursive: true });
    const closed = await save('/visitor/facebook-dialog', 'kultur-dialog', 'spam', ['--selector', 'div[role="article"]:nth-of-type(20)', '--profiles', profiles]);
    expect(closed.result.status, JSON.stringify(closed.result.error)).toBe('ok');
    expect(closed.result.warnings.map((w) => w.code)).toEqual(['login_expired']);
    const meta = metadataOf(closed.result.record!);
    expect(meta.capture.loggedIn).toBe(false);
    expect(meta.comment!.text).toBe('Inlägg 20');
  });

  it('check-removal opens each saved comment again and logs whether it is gone, changing no record', async () => {
    REMOVED_COMMENTS.add('333');
    const arkiv = path.join(work, 'arkiv');
    const run = await runCli(['check-removal', '--archive', arkiv, '--by', 'Rut Registrator', '--json', '--timeout', '40'], { KANALARKIV_HOME: path.join(work, 'home') });
    expect(run.code, run.stderr).toBe(0);
    const checks = JSON.parse(run.stdout).checks as Array<{ url: string; gone: boolean | null }>;
    const of = (part: string) => checks.filter((c) => c.url.includes(part)).map((c) => c.gone);
    // Two records hold comment 333 (saved for two reasons): both find it gone.
    expect(of('comment_id=333')).toEqual([true, true]);
    expect(of('comment_id=111&')).toEqual([false]);
    expect(of('#kommentar-2')).toEqual([false]);
    const log = readFileSync(path.join(arkiv, 'handover-log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const logged = log.filter((e) => e.event === 'removal-checked');
    expect(logged).toHaveLength(checks.length);
    expect(logged.find((e) => e.destination.includes('comment_id=333'))).toMatchObject({ gone: true, by: 'Rut Registrator', target: null });
    const wrong = await runCli(['check-removal', '--archive', arkiv, '--only', 'kultur-fb/2026-01-01T000000Z-deadbeef']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('kultur-fb/2026-01-01T000000Z-deadbeef is not a saved comment in the archive');
    expect(wrong.stderr).not.toMatch(/\bat .*\.js:\d+/);
    const verify = await runCli(['verify', '--archive', arkiv]);
    expect(verify.code, verify.stdout).toBe(0);
  });

  it('the comment records do not count as snapshots of their channel, and the handover sends them like any record', async () => {
    // A round open now, in which the comments were saved: they take no channel out of it.
    const now = new Date();
    const day = (d: Date) => `${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const window = `nu:${day(new Date(now.getTime() - 86_400_000))}..${day(new Date(now.getTime() + 86_400_000))}`;
    const due = await runCli(['due', '--channels', channels, '--archive', path.join(work, 'arkiv'), '--rounds', window, '--json']);
    expect(JSON.parse(due.stdout).due.sort(), due.stderr).toEqual(['cykel', 'ig-wall', 'kultur-dialog', 'kultur-fb', 'umea-ig', 'umea-x']);
    const dest = path.join(work, 'registrator');
    const handover = await runCli(['handover', '--archive', path.join(work, 'arkiv'), '--to', 'folder', '--dest', dest, '--by', 'Sara Ek', '--json']);
    expect(handover.code, handover.stderr).toBe(0);
    const sent = JSON.parse(handover.stdout);
    expect(JSON.stringify(sent)).toContain('Kommentar sparad före borttagning Facebook Kanal kultur-fb');
    // To the registrar's mailbox, as a message with the record attached (.eml files, dropped into the mailbox).
    const mailbox = path.join(work, 'brevlada');
    const mail = await runCli(['handover', '--archive', path.join(work, 'arkiv'), '--to', 'email', '--dest', mailbox, '--to-address', 'registrator@umea.se', '--from', 'kanalarkiv@umea.se', '--by', 'Sara Ek', '--json']);
    expect(mail.code, mail.stderr).toBe(0);
    const messages = readdirSync(mailbox).filter((f) => f.endsWith('.eml'));
    const threat = messages.find((f) => f.startsWith('Kommentar sparad före borttagning'))!;
    const eml = readFileSync(path.join(mailbox, threat), 'utf8');
    expect(eml).toMatch(/^To: registrator@umea\.se$/m);
    expect(eml).toMatch(/Content-Type: application\/pdf/);
  });
});
