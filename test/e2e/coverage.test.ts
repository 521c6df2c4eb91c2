import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/main/capture/browser';
import { captureChannel } from '../../src/main/capture/capture-channel';
import { CaptureSession } from '../../src/main/capture/session';
import type { Channel } from '../../src/shared/channel';
import { DATED_POSTS } from '../fixtures/site/pages';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';

let site: FixtureSite;
let session: CaptureSession;
beforeAll(async () => {
  site = await startFixtureSite();
  session = new CaptureSession(findBrowser(undefined), null);
});
afterAll(async () => {
  await session?.close();
  await site?.close();
});

const channel = (): Channel => ({ id: 'flode', name: 'Flöde', platform: 'facebook', url: site.url('/dated-feed'), unit: 'U', owners: ['A', 'B'], pageOwner: '', notes: '', active: true });
const capture = (since: string | null) => captureChannel(session, { channel: channel(), dir: mkdtempSync(path.join(os.tmpdir(), 'coverage-')), timeoutMs: 60_000, since });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('coverage back to the previous snapshot', () => {
  it('scrolls back until the previous snapshot\'s date is covered, then stops', async () => {
    const { facts, words } = await capture(daysAgo(20));
    expect(facts.coverage.complete).toBe(true);
    expect(Date.parse(facts.coverage.oldestPost!)).toBeLessThanOrEqual(Date.parse(daysAgo(20)));
    expect(Date.parse(facts.coverage.newestPost!)).toBeGreaterThan(Date.parse(daysAgo(2)));
    // Posts 1–10 are the last 20 days; the capture went a little past them, not to post 60.
    const text = words.map((w) => w.text).join(' ');
    expect(text).toContain('Inlägg 10 ');
    expect(text).not.toContain(`Inlägg ${DATED_POSTS} `);
    expect(facts.pageHeight).toBeLessThan(DATED_POSTS * 300 / 2);
  });

  it('claims no coverage for a logged-out X feed, which is ranked rather than newest first, and follows it to its end', async () => {
    const x = await captureChannel(session, { channel: { ...channel(), platform: 'x' }, dir: mkdtempSync(path.join(os.tmpdir(), 'coverage-')), timeoutMs: 60_000, since: daysAgo(20) });
    expect(x.facts.coverage).toMatchObject({ since: expect.any(String), complete: null });
    expect(x.facts.pageHeight).toBeGreaterThan(DATED_POSTS * 300);
    expect(x.facts.loggedIn).toBe(false);
    expect(x.facts.warnings.map((w) => w.code)).toEqual(['logged_out']);
    expect(x.facts.warnings[0]!.text).toContain('Utloggad visar X bara en del av kanalen');
  });

  it('follows the whole feed for a first snapshot, and says when it could not reach the previous one', async () => {
    const first = await capture(null);
    expect(first.facts.coverage).toMatchObject({ since: null, complete: null });
    expect(first.facts.pageHeight).toBeGreaterThan(DATED_POSTS * 300);
    expect(Date.parse(first.facts.coverage.oldestPost!)).toBeLessThan(Date.parse(daysAgo(115)));

    const tooFar = await capture(daysAgo(400));
    expect(tooFar.facts.coverage.complete).toBe(false);
    expect(tooFar.facts.warnings.map((w) => w.code)).toContain('coverage_short');
  });
});
