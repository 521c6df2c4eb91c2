import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotMetadataSchema } from '../../src/shared/snapshot';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { FACEBOOK_POSTS, INSTAGRAM_GRID, LINKEDIN_POSTS, LOADING_FEED_PAGES, SMALL_FEED } from '../fixtures/site/visitors';
import { runCli } from '../helpers/cli';

/**
 * The ways platforms turn a logged-out or automated visitor away (test/fixtures/site/visitors.ts),
 * captured through the CLI: each must end in the code that says what happened, never in an "ok"
 * snapshot of a wall.
 */
const CHANNELS = [
  { id: 'instagram-wall', platform: 'instagram', status: 'failed', code: 'login_required' },
  { id: 'bot-check', platform: 'instagram', status: 'ok', code: null },
  { id: 'authwall', platform: 'linkedin', status: 'failed', code: 'login_required' },
  { id: 'captcha', platform: 'tiktok', status: 'failed', code: 'blocked' },
  { id: 'captcha-later', platform: 'tiktok', status: 'failed', code: 'blocked' },
  { id: 'youtube-bot-check', platform: 'youtube', status: 'failed', code: 'blocked' },
  { id: 'youtube-bot-check-sv', platform: 'youtube', status: 'failed', code: 'blocked' },
  { id: 'rate-limited', platform: 'web', status: 'ok', code: null },
  { id: 'rate-limited-long', platform: 'web', status: 'failed', code: 'blocked' },
  { id: 'forbidden', platform: 'web', status: 'failed', code: 'blocked' },
  { id: 'unavailable', platform: 'web', status: 'failed', code: 'http_error' },
  { id: 'facebook-limited', platform: 'facebook', status: 'ok', code: null },
  { id: 'no-posts', platform: 'facebook', status: 'ok', code: null },
  { id: 'loading-feed', platform: 'x', status: 'ok', code: null },
  { id: 'facebook-dialog', platform: 'facebook', status: 'ok', code: null },
  { id: 'linkedin-modal', platform: 'linkedin', status: 'ok', code: null },
  { id: 'linkedin-modal-hides', platform: 'linkedin', status: 'ok', code: null },
  { id: 'facebook-modal', platform: 'facebook', status: 'ok', code: null },
  { id: 'facebook-modal-en', platform: 'facebook', status: 'ok', code: null },
  { id: 'facebook-modal-stuck', platform: 'facebook', status: 'failed', code: 'login_required' },
  { id: 'facebook-comments', platform: 'facebook', status: 'ok', code: null },
  { id: 'instagram-late-grid', platform: 'instagram', status: 'ok', code: null },
  { id: 'linkedin-guest', platform: 'linkedin', status: 'ok', code: null },
  { id: 'bluesky-profile', platform: 'bluesky', status: 'ok', code: null },
  { id: 'bluesky-signin', platform: 'bluesky', status: 'failed', code: 'login_required' },
  { id: 'bluesky-signin-sv', platform: 'bluesky', status: 'failed', code: 'login_required' },
  { id: 'mastodon-profile', platform: 'mastodon', status: 'ok', code: null },
  { id: 'threads-profile', platform: 'threads', status: 'ok', code: null },
  { id: 'youtube-consent', platform: 'youtube', status: 'ok', code: null },
  { id: 'youtube-consent-stuck', platform: 'youtube', status: 'failed', code: 'consent_required' },
  { id: 'facebook-cookies', platform: 'facebook', status: 'ok', code: null },
  { id: 'instagram-cookies', platform: 'instagram', status: 'ok', code: null },
];

let site: FixtureSite;
let results: Array<{ channel: string; status: string; record: string | null; error: { code: string; message: string } | null; warnings: Array<{ code: string; text: string }> }>;
const resultOf = (id: string) => results.find((r) => r.channel === id)!;

beforeAll(async () => {
  site = await startFixtureSite();
  const work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-visitors-'));
  const channels = CHANNELS.map((c) => ({ id: c.id, name: `Kanal ${c.id}`, platform: c.platform, url: site.url(`/visitor/${c.id}`), unit: 'Kommunikationsenheten', owners: ['Anna Berg', 'Olof Lind'] }));
  writeFileSync(path.join(work, 'kanaler.json'), JSON.stringify(channels));
  const run = await runCli(['capture', '--channels', path.join(work, 'kanaler.json'), '--archive', path.join(work, 'arkiv'), '--json', '--timeout', '40', '--concurrency', '2'], { KANALARKIV_HOME: path.join(work, 'home') });
  results = JSON.parse(run.stdout).results;
}, 600_000);
afterAll(() => site?.close());

describe('platforms as a logged-out or automated visitor meets them', () => {
  it.each(CHANNELS)('$id: $status $code', ({ id, status, code }) => {
    const result = resultOf(id);
    expect([result.status, result.error?.code ?? null], JSON.stringify(result.error)).toEqual([status, code]);
  });

  it('a login wall that appears after some scrolling, as a fixed dialog, is found before it is hidden', () => {
    expect(resultOf('instagram-wall').error!.message).toMatch(/kanalarkiv login instagram/);
  });

  it('does not announce automation: no "HeadlessChrome" in the user agent, navigator.webdriver false; the record names the agent', () => {
    const meta = snapshotMetadataSchema.parse(JSON.parse(readFileSync(path.join(resultOf('bot-check').record!, 'data', 'metadata.json'), 'utf8')));
    expect(meta.capture.browser.userAgent).toMatch(/ Chrome\/\d+/);
    expect(meta.capture.browser.userAgent).not.toMatch(/Headless/);
    expect(readFileSync(path.join(resultOf('bot-check').record!, 'data', 'page.txt'), 'utf8')).toContain('Välkommen till umea_kommun');
  });

  it('a logged-out view says so in the result, metadata.json and on the cover; a social page without posts is not a silent ok', () => {
    const limited = resultOf('facebook-limited');
    expect(limited.warnings.map((w) => w.code)).toEqual(['logged_out']);
    const meta = snapshotMetadataSchema.parse(JSON.parse(readFileSync(path.join(limited.record!, 'data', 'metadata.json'), 'utf8')));
    expect(meta.capture.loggedIn).toBe(false);
    expect(meta.capture.posts).toBe(10);
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '2', path.join(limited.record!, 'data', 'record.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(cover).toContain('Inloggad Nej: det en besökare utan inloggning ser');
    expect(cover).toContain('Utloggad visar Facebook bara en del av kanalen');
    expect(cover).toContain('”kanalarkiv login facebook”');
    expect(resultOf('no-posts').warnings.map((w) => w.code)).toEqual(['logged_out', 'no_posts']);
  });

  it('at the end of a feed, a visible loading indicator is waited for even while the network is quiet', () => {
    const text = readFileSync(path.join(resultOf('loading-feed').record!, 'data', 'page.txt'), 'utf8');
    // Each tweet once: the posts added above the loading indicator are neither missed nor taken twice.
    for (let n = 1; n <= LOADING_FEED_PAGES * 10; n++) expect(text.match(new RegExp(`^Tweet ${n}$`, 'gm')), `Tweet ${n}`).toHaveLength(1);
  });

  it('closable login dialogs are closed and the capture goes on; one that cannot be closed stays a wall', () => {
    const facebook = readFileSync(path.join(resultOf('facebook-dialog').record!, 'data', 'page.txt'), 'utf8');
    for (let n = 1; n <= 20; n++) expect(facebook, `Inlägg ${n}`).toContain(`Inlägg ${n}\n`);
    expect(facebook).not.toContain('Se mer på Facebook');
    expect(resultOf('facebook-dialog').warnings.map((w) => w.code)).toEqual(['logged_out', 'login_dialog_closed']);
    const linkedin = readFileSync(path.join(resultOf('linkedin-modal').record!, 'data', 'page.txt'), 'utf8');
    expect(linkedin).toContain('Uppdatering 6');
    expect(resultOf('instagram-wall').status).toBe('failed');
  });

  it('Facebook\'s "Se fler inlägg från …" / "See more from …" modal over the feed is closed and the record says so; one that cannot be closed is a wall', () => {
    for (const id of ['facebook-modal', 'facebook-modal-en']) {
      const text = textOf(id);
      for (let n = 1; n <= 12; n++) expect(text, `${id}: Inlägg ${n}`).toContain(`Inlägg ${n}\n`);
      expect(text, id).not.toMatch(/Se fler inlägg från|See more from|Skapa nytt konto/);
      expect(resultOf(id).warnings.map((w) => w.code), id).toEqual(['logged_out', 'login_dialog_closed']);
    }
    expect(resultOf('facebook-modal').warnings[1]!.text).toBe('En inloggningsruta från Facebook låg över sidan och stängdes innan sidan togs. Det som låg under rutan finns med.');
    const cover = execFileSync('pdftotext', ['-l', '1', path.join(resultOf('facebook-modal').record!, 'data', 'record.pdf'), '-'], { encoding: 'utf8' });
    expect(cover.replace(/\s+/g, ' ')).toContain('En inloggningsruta från Facebook låg över sidan');
    expect(resultOf('facebook-modal-stuck').error!.message).toMatch(/kanalarkiv login facebook/);
  });

  it('LinkedIn\'s guest modal, dismissed and hidden by the page itself, is no wall further down the feed', () => {
    const text = textOf('linkedin-modal-hides');
    for (let n = 1; n <= 12; n++) expect(text, `Uppdatering ${n}`).toContain(`Uppdatering ${n}\n`);
    expect(text).not.toContain('Logga in för att se mer från Umeå kommun');
    expect(resultOf('linkedin-modal-hides').warnings.map((w) => w.code)).toEqual(['logged_out', 'login_dialog_closed']);
  });

  const metadataOf = (id: string) => snapshotMetadataSchema.parse(JSON.parse(readFileSync(path.join(resultOf(id).record!, 'data', 'metadata.json'), 'utf8')));
  const textOf = (id: string) => readFileSync(path.join(resultOf(id).record!, 'data', 'page.txt'), 'utf8');

  it('posts are counted as the platform marks them: not Facebook comments, not a post inside a post; LinkedIn guest cards', () => {
    expect(metadataOf('facebook-comments').capture.posts).toBe(FACEBOOK_POSTS);
    expect(textOf('facebook-comments')).toContain('Kommentar 2 till inlägg 6');
    expect(metadataOf('linkedin-guest').capture.posts).toBe(LINKEDIN_POSTS);
    expect(resultOf('linkedin-guest').warnings.map((w) => w.code)).toEqual(['logged_out']);
  });

  it("Instagram's grid, drawn seconds after the page, is waited for", () => {
    expect(metadataOf('instagram-late-grid').capture.posts).toBe(INSTAGRAM_GRID);
    expect(textOf('instagram-late-grid')).toContain(`Foto ${INSTAGRAM_GRID}\n`);
    expect(resultOf('instagram-late-grid').warnings.map((w) => w.code)).toEqual(['logged_out']);
  });

  it('Bluesky, Mastodon and Threads are platforms: their posts counted, a logged-out view stated where it is partial', () => {
    for (const id of ['bluesky-profile', 'mastodon-profile', 'threads-profile']) expect(metadataOf(id).capture.posts, id).toBe(SMALL_FEED);
    expect(resultOf('bluesky-profile').warnings).toEqual([]);
    expect(resultOf('mastodon-profile').warnings).toEqual([]);
    expect(resultOf('threads-profile').warnings.map((w) => w.code)).toEqual(['logged_out']);
    expect(textOf('mastodon-profile')).toContain(`Toot ${SMALL_FEED}\n`);
  });

  it("Bluesky's text-only \"Sign-in Required\" screen is a login wall, in Swedish too", () => {
    for (const id of ['bluesky-signin', 'bluesky-signin-sv']) expect(resultOf(id).error!.message, id).toMatch(/kanalarkiv login bluesky/);
  });

  it("YouTube's consent page on its own address is declined, and the snapshot is of the channel it goes back to", () => {
    const meta = metadataOf('youtube-consent');
    expect(meta.capture.consent).toEqual({ cmp: 'google-consent-standalone', optedOut: true });
    expect(new URL(meta.capture.finalUrl).pathname).toBe('/visitor/youtube-consent');
    expect(meta.capture.posts).toBe(SMALL_FEED);
    expect(textOf('youtube-consent')).not.toContain('Innan du fortsätter');
    expect(resultOf('youtube-consent').warnings).toEqual([]);
    expect(resultOf('youtube-consent-stuck').error!.message).toMatch(/cookie consent page that could not be declined/);
  });

  it("Facebook's and Instagram's own cookie dialogs are declined by autoconsent's rules for them on any host of the channel", () => {
    for (const [id, cmp] of [['facebook-cookies', 'facebook'], ['instagram-cookies', 'instagram']] as const) {
      expect(metadataOf(id).capture.consent, id).toEqual({ cmp, optedOut: true });
      expect(textOf(id), id).not.toMatch(/Tillåt (alla|användning)/);
    }
  });

  it('a redirect to a login page is judged by its path, on any host', () => {
    expect(resultOf('authwall').error!.message).toMatch(/kanalarkiv login linkedin/);
  });

  it('a captcha, at load or after scrolling, is "blocked" and says what to do', () => {
    for (const id of ['captcha', 'captcha-later', 'youtube-bot-check', 'youtube-bot-check-sv']) expect(resultOf(id).error!.message).toMatch(/bot check .*Try again later/);
  });

  it('HTTP 429 is waited out once as Retry-After asks; a longer wait, 403 and 503 say what they are', () => {
    expect(site.hits.get('/visitor/rate-limited')).toBe(2);
    expect(resultOf('rate-limited-long').error!.message).toMatch(/limiting requests \(HTTP 429\) and asks to wait 60 min/);
    expect(resultOf('forbidden').error!.message).toMatch(/refused access \(HTTP 403\)\. The channel may be visible only when logged in, or/);
    expect(resultOf('unavailable').error!.message).toMatch(/temporarily unavailable \(HTTP 503\)/);
    expect(resultOf('unavailable').error!.message).not.toMatch(/still exists/);
  });
});
