import { describe, expect, it } from 'vitest';
import { reminderKey, remindersDue } from '../../../src/main/rounds/reminders';
import { DEFAULT_ROUNDS } from '../../../src/main/rounds/rounds';

const kinds = (iso: string, due: number, shown: string[] = []) => remindersDue(DEFAULT_ROUNDS, new Date(iso), due, new Set(shown)).map((r) => `${r.kind} ${r.round.name}`);

describe('reminders', () => {
  it('tell once that a round has opened, also on the first start after (catch-up)', () => {
    expect(kinds('2026-04-01T07:00:00Z', 5)).toEqual(['opened 2026 april']);
    expect(kinds('2026-04-12T07:00:00Z', 5, ['opened:2026 april'])).toEqual([]);
  });

  it('tell once, a week before the round closes, that channels are still due', () => {
    expect(kinds('2026-04-23T22:00:00Z', 2, ['opened:2026 april'])).toEqual(['closing 2026 april']);
    expect(kinds('2026-04-29T07:00:00Z', 2, ['opened:2026 april', 'closing:2026 april'])).toEqual([]);
    // A start late in the round catches up on both.
    expect(kinds('2026-04-28T07:00:00Z', 2)).toEqual(['opened 2026 april', 'closing 2026 april']);
  });

  it('keep an overdue round visible on every start until it is done', () => {
    expect(kinds('2026-05-03T07:00:00Z', 1, ['opened:2026 april', 'closing:2026 april'])).toEqual(['overdue 2026 april']);
    expect(kinds('2026-05-04T07:00:00Z', 1, ['opened:2026 april', 'closing:2026 april', 'overdue:2026 april'])).toEqual(['overdue 2026 april']);
    expect(kinds('2026-05-04T07:00:00Z', 0)).toEqual([]);
  });

  it('go by Swedish time at the turn of the year', () => {
    const rounds = [{ label: 'vinter', start: { month: 12, day: 15 }, end: { month: 1, day: 15 } }];
    const [reminder] = remindersDue(rounds, new Date('2027-01-09T00:30:00Z'), 3, new Set());
    expect(reminder).toMatchObject({ kind: 'opened', round: { name: '2026 vinter' } });
    expect(remindersDue(rounds, new Date('2027-01-09T00:30:00Z'), 3, new Set([reminderKey('opened', reminder!.round)]))[0]?.kind).toBe('closing');
  });
});
