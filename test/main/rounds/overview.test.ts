import { describe, expect, it } from 'vitest';
import { automaticCapture, recordAttempts, roundOverview } from '../../../src/main/rounds/overview';
import { DEFAULT_ROUNDS, roundsForCapture } from '../../../src/main/rounds/rounds';
import type { CaptureJobState } from '../../../src/shared/capture';
import type { Channel } from '../../../src/shared/channel';

const at = (iso: string) => new Date(iso);
const channel = (id: string, unit = 'U', active = true): Channel => ({ id, name: id.toUpperCase(), platform: 'web', url: `https://${id}.se/`, unit, owners: ['A', 'B'], pageOwner: '', notes: '', active });

describe('the round a capture belongs to', () => {
  const channels = [channel('a'), channel('b')];
  const aprilDone = [{ channelId: 'a', takenAt: '2026-04-10T08:00:00.000Z', round: '2026 april' }];

  it('is the open round for every channel while a round is open', () => {
    expect(Object.fromEntries(roundsForCapture(DEFAULT_ROUNDS, at('2026-04-20T10:00:00Z'), channels, aprilDone))).toEqual({ a: '2026 april', b: '2026 april' });
  });

  it('after a round closed, is that (overdue) round for a channel still due in it, and none for one already captured', () => {
    // A selection of a captured and an overdue channel: the overdue one's late capture completes the round.
    expect(Object.fromEntries(roundsForCapture(DEFAULT_ROUNDS, at('2026-05-12T10:00:00Z'), channels, aprilDone))).toEqual({ a: null, b: '2026 april' });
  });
});

describe('the round overview', () => {
  const channels = [channel('a', 'Kultur'), channel('b', 'Kultur'), channel('c', 'Bygg'), channel('gone', 'Bygg', false)];

  it('groups the active channels per unit into captured, due and failed in this round, and gives a reminder once', () => {
    const snapshots = [{ channelId: 'a', takenAt: '2026-09-02T08:00:00.000Z', round: '2026 september' }];
    const attempts = { b: { at: '2026-09-03T08:00:00.000Z', status: 'failed' as const }, c: { at: '2026-04-03T08:00:00.000Z', status: 'failed' as const } };
    const first = roundOverview({ definitions: DEFAULT_ROUNDS, at: at('2026-09-10T10:00:00Z'), channels, snapshots, attempts, shown: new Set() });
    expect(first.overview.units).toEqual([
      { unit: 'Bygg', captured: [], due: [{ id: 'c', name: 'C' }], failed: [] },
      { unit: 'Kultur', captured: [{ id: 'a', name: 'A' }], due: [{ id: 'b', name: 'B' }], failed: [{ id: 'b', name: 'B' }] },
    ]);
    expect(first.overview).toMatchObject({ open: true, round: { name: '2026 september' }, next: { name: '2027 april' } });
    expect(first.given).toEqual(['opened:2026 september']);
    const again = roundOverview({ definitions: DEFAULT_ROUNDS, at: at('2026-09-11T10:00:00Z'), channels, snapshots, attempts, shown: new Set(first.given) });
    expect(again.overview.reminders).toEqual([]);
  });

  it('keeps each channel\'s latest attempt from a finished run', () => {
    const job = { finishedAt: '2026-09-04T08:00:00.000Z', channels: [{ channelId: 'b', result: { status: 'ok' } }, { channelId: 'c', result: null }] } as unknown as CaptureJobState;
    expect(recordAttempts({ b: { at: '2026-09-03T08:00:00.000Z', status: 'failed' } }, job)).toEqual({ b: { at: '2026-09-04T08:00:00.000Z', status: 'ok' } });
    expect(recordAttempts({}, { ...job, finishedAt: null })).toEqual({});
  });

  it('does not count a cancelled channel as failed: it keeps its last real attempt', () => {
    const job = { finishedAt: '2026-09-04T08:00:00.000Z', channels: [{ channelId: 'b', result: { status: 'failed', error: { code: 'cancelled', message: 'The capture was cancelled.' } } }] } as unknown as CaptureJobState;
    expect(recordAttempts({ b: { at: '2026-09-03T08:00:00.000Z', status: 'ok' } }, job)).toEqual({ b: { at: '2026-09-03T08:00:00.000Z', status: 'ok' } });
    expect(recordAttempts({}, job)).toEqual({});
  });
});

describe('automatic capture', () => {
  const overview = (iso: string, shown: string[] = []) =>
    roundOverview({ definitions: DEFAULT_ROUNDS, at: at(iso), channels: [channel('a'), channel('b')], snapshots: [], attempts: {}, shown: new Set(shown) }).overview;

  it('captures the due channels once, when a round has just opened and the user opted in', () => {
    expect(automaticCapture(overview('2026-04-01T07:00:00Z'), true)).toEqual(['a', 'b']);
    expect(automaticCapture(overview('2026-04-01T07:00:00Z'), false)).toEqual([]);
    expect(automaticCapture(overview('2026-04-02T07:00:00Z', ['opened:2026 april']), true)).toEqual([]);
  });

  it('never captures by itself for an overdue round', () => {
    expect(automaticCapture(overview('2026-05-05T07:00:00Z', ['opened:2026 april', 'closing:2026 april']), true)).toEqual([]);
  });
});
