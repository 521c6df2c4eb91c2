import { describe, expect, it } from 'vitest';
import { CoverageTracker, parsePostDate } from '../../../src/main/capture/post-dates';

const now = new Date('2026-09-10T12:00:00Z');
const daysAgo = (d: Date | null) => (d ? Math.round((now.getTime() - d.getTime()) / 86_400_000) : null);

describe('parsePostDate', () => {
  it.each([
    ['3 d', 3], ['3d', 3], ['2 v', 14], ['2 w', 14], ['1 vecka', 7], ['4 dagar', 4], ['2 mån', 61], ['1 år', 365],
  ])('reads the relative age "%s" as %i days', (label, days) => {
    expect(daysAgo(parsePostDate(label, now))).toBe(days);
  });

  it.each([['5 tim', 5], ['3h', 3], ['45 min', 0.75]])('reads "%s" as %f hours ago', (label, hours) => {
    expect((now.getTime() - parsePostDate(label, now)!.getTime()) / 3_600_000).toBe(hours);
  });

  it('reads dates in Swedish and English, and <time datetime> values', () => {
    expect(parsePostDate('14 april', now)!.toISOString().slice(0, 10)).toBe('2026-04-14');
    expect(parsePostDate('3 okt. 2025', now)!.toISOString().slice(0, 10)).toBe('2025-10-03');
    expect(parsePostDate('April 14, 2025', now)!.toISOString().slice(0, 10)).toBe('2025-04-14');
    expect(parsePostDate('2026-09-01T08:15:00+02:00', now)!.toISOString()).toBe('2026-09-01T06:15:00.000Z');
  });

  it('puts a date without a year in the past, over the turn of the year', () => {
    expect(parsePostDate('20 december', new Date('2027-01-05T10:00:00Z'))!.toISOString().slice(0, 10)).toBe('2026-12-20');
  });

  it('ignores what is no date', () => {
    for (const text of ['Gilla', '12 kommentarer', 'Visa mer', '2026', '99 luftballonger']) expect(parsePostDate(text, now)).toBeNull();
  });
});

describe('CoverageTracker', () => {
  it('does not stop at an old pinned post above newer ones, but at the first older viewport after them', () => {
    const tracker = new CoverageTracker(new Date('2026-08-20T10:00:00Z'), now);
    expect(tracker.add(['2025-01-01T00:00:00Z'])).toBe(false);
    expect(tracker.add(['2 d', '5 d'])).toBe(false);
    expect(tracker.add(['1 v'])).toBe(false);
    expect(tracker.add(['4 v', '5 v'])).toBe(true);
  });

  it('stops after two older viewports in a row when nothing is new since the previous snapshot', () => {
    const tracker = new CoverageTracker(new Date('2026-09-01T10:00:00Z'), now);
    expect(tracker.add(['3 v'])).toBe(false);
    expect(tracker.add([])).toBe(false);
    expect(tracker.add(['5 v'])).toBe(true);
    expect(tracker.result().complete).toBe(true);
  });

  it('reports the period covered and whether it reaches the previous snapshot', () => {
    const tracker = new CoverageTracker(new Date('2026-08-01T10:00:00Z'), now);
    tracker.add(['3 d', '2 v']);
    expect(tracker.add(['3 v'])).toBe(false);
    expect(tracker.result()).toMatchObject({ since: '2026-08-01T10:00:00.000Z', complete: false });
    expect(tracker.add(['6 v', '7 v'])).toBe(true);
    expect(tracker.result()).toMatchObject({ complete: true, newestPost: new Date(now.getTime() - 3 * 86_400_000).toISOString() });
    expect(new CoverageTracker(null, now).result().complete).toBeNull();
  });
});
