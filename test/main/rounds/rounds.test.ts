import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUNDS, currentRound, dueChannels, localMidnight, nextRound, openRound, parseRounds } from '../../../src/main/rounds/rounds';
import type { Channel } from '../../../src/shared/channel';

const at = (iso: string) => new Date(iso);
const channel = (id: string, active = true): Channel => ({ id, name: id, platform: 'web', url: `https://${id}.se/`, unit: 'U', owners: ['A', 'B'], pageOwner: '', notes: '', active });

describe('rounds in Swedish time', () => {
  it('opens and closes at local midnight, summer time included', () => {
    // 1 April is in summer time (UTC+2): the window opens at 22:00 UTC the day before.
    expect(DEFAULT_ROUNDS.map((d) => openRound([d], at('2026-04-15T12:00:00Z'))?.opens)).toEqual(['2026-03-31T22:00:00.000Z', undefined]);
    expect(openRound(DEFAULT_ROUNDS, at('2026-03-31T21:59:59Z'))).toBeNull();
    expect(openRound(DEFAULT_ROUNDS, at('2026-03-31T22:00:00Z'))?.name).toBe('2026 april');
    expect(openRound(DEFAULT_ROUNDS, at('2026-04-30T21:59:59Z'))?.name).toBe('2026 april');
    expect(openRound(DEFAULT_ROUNDS, at('2026-04-30T22:00:00Z'))).toBeNull();
  });

  it('finds local midnight on the days the clocks change', () => {
    // 29 March 2026: clocks go forward at 02:00; midnight is still in winter time (UTC+1).
    expect(localMidnight(2026, 3, 29).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(localMidnight(2026, 3, 30).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // 25 October 2026: clocks go back at 03:00; midnight is still in summer time (UTC+2).
    expect(localMidnight(2026, 10, 25).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(localMidnight(2026, 10, 26).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('keeps the last round current (overdue) between rounds, and knows the next one, over the turn of the year', () => {
    expect(currentRound(DEFAULT_ROUNDS, at('2026-11-23T10:00:00Z')).name).toBe('2026 september');
    expect(currentRound(DEFAULT_ROUNDS, at('2027-01-02T10:00:00Z')).name).toBe('2026 september');
    expect(nextRound(DEFAULT_ROUNDS, at('2026-12-31T23:30:00Z')).name).toBe('2027 april');
    expect(currentRound(DEFAULT_ROUNDS, at('2027-04-01T08:00:00Z')).name).toBe('2027 april');
  });

  it('handles a window over the new year', () => {
    const [winter] = parseRounds('vinter:12-15..01-15');
    const round = openRound([winter!], at('2027-01-10T12:00:00Z'))!;
    expect(round).toEqual({ name: '2026 vinter', opens: '2026-12-14T23:00:00.000Z', closes: '2027-01-15T23:00:00.000Z' });
    expect(openRound([winter!], at('2026-12-31T23:59:59Z'))?.name).toBe('2026 vinter');
  });

  it('reads round definitions and explains bad ones', () => {
    expect(parseRounds('mars:03-01..03-31, oktober:10-01..10-15')).toEqual([
      { label: 'mars', start: { month: 3, day: 1 }, end: { month: 3, day: 31 } },
      { label: 'oktober', start: { month: 10, day: 1 }, end: { month: 10, day: 15 } },
    ]);
    expect(() => parseRounds('april')).toThrow(/name:MM-DD..MM-DD/);
    expect(() => parseRounds('x:02-30..03-01')).toThrow(/no date 02-30/);
  });
});

describe('due channels', () => {
  const round = currentRound(DEFAULT_ROUNDS, at('2026-09-10T10:00:00Z'));
  const channels = [channel('a'), channel('b'), channel('c'), channel('closed', false)];

  it('are the active channels without a snapshot in the round', () => {
    const snapshots = [
      { channelId: 'a', takenAt: '2026-09-02T08:00:00.000Z', round: '2026 september' },
      { channelId: 'b', takenAt: '2026-04-02T08:00:00.000Z', round: '2026 april' },
    ];
    expect(dueChannels(channels, snapshots, round).map((c) => c.id)).toEqual(['b', 'c']);
  });

  it('follow a channel\'s own interval instead of the rounds', () => {
    const busy = { ...channel('busy'), intervalMonths: 1 };
    const snapshots = [{ channelId: 'busy', takenAt: '2026-08-05T08:00:00.000Z', round: null }];
    expect(dueChannels([busy], snapshots, round, at('2026-09-04T10:00:00Z'))).toEqual([]);
    expect(dueChannels([busy], snapshots, round, at('2026-09-06T10:00:00Z'))).toEqual([busy]);
    expect(dueChannels([busy], [], round, at('2026-09-06T10:00:00Z'))).toEqual([busy]);
  });

  it('know a channel whatever the case of its id, as Windows knows its folder', () => {
    const snapshots = [{ channelId: 'Kultur', takenAt: '2026-09-02T08:00:00.000Z', round: '2026 september' }];
    expect(dueChannels([channel('kultur')], snapshots, round)).toEqual([]);
  });

  it('count a late capture that states the round, and one taken in the window without stating it', () => {
    const snapshots = [
      { channelId: 'b', takenAt: '2026-10-20T08:00:00.000Z', round: '2026 september' },
      { channelId: 'c', takenAt: '2026-09-15T08:00:00.000Z', round: null },
    ];
    expect(dueChannels(channels, snapshots, round).map((c) => c.id)).toEqual(['a']);
  });
});
