import { KanalarkivError } from '../../shared/errors';
import type { Channel } from '../../shared/channel';
import type { Round, RoundDefinition } from '../../shared/rounds';

/** The municipality's time zone: rounds open and close at midnight here, whatever the computer says. */
export const ZONE = 'Europe/Stockholm';

/** The guidelines' example: April and September, the whole month. */
export const DEFAULT_ROUNDS: RoundDefinition[] = [
  { label: 'april', start: { month: 4, day: 1 }, end: { month: 4, day: 30 } },
  { label: 'september', start: { month: 9, day: 1 }, end: { month: 9, day: 30 } },
];

/** The UTC instant of midnight starting the given local date in ZONE. */
export function localMidnight(year: number, month: number, day: number): Date {
  // Start from UTC midnight and correct by the zone's offset at that moment; Stockholm changes its
  // clocks at 02:00/03:00, never at midnight, so one correction is exact.
  const guess = Date.UTC(year, month - 1, day);
  return new Date(guess - offsetMs(new Date(guess)));
}

/** ZONE's offset from UTC at an instant, in ms (3,600,000 in winter, 7,200,000 in summer). */
function offsetMs(at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

/** The local calendar year of an instant in ZONE. */
function localYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric' }).format(at));
}

export function roundOf(definition: RoundDefinition, year: number): Round {
  const opens = localMidnight(year, definition.start.month, definition.start.day);
  // A window may run over the new year (e.g. 15 December – 15 January).
  const endYear = definition.end.month < definition.start.month ? year + 1 : year;
  const lastDay = localMidnight(endYear, definition.end.month, definition.end.day);
  const closes = localMidnight(endYear, definition.end.month, definition.end.day + 1);
  if (lastDay < opens) throw new Error(`round ${definition.label} ends before it starts`);
  return { name: `${year} ${definition.label}`, opens: opens.toISOString(), closes: closes.toISOString() };
}

/** Every round whose window opens in the years around `at`, in time order. */
function roundsAround(definitions: RoundDefinition[], at: Date): Round[] {
  const year = localYear(at);
  return [year - 1, year, year + 1].flatMap((y) => definitions.map((d) => roundOf(d, y))).sort((a, b) => a.opens.localeCompare(b.opens));
}

/** The round open at `at`, or null between rounds. */
export function openRound(definitions: RoundDefinition[], at: Date): Round | null {
  const t = at.toISOString();
  return roundsAround(definitions, at).find((r) => r.opens <= t && t < r.closes) ?? null;
}

/** The round open at `at`, else the last one that has closed: the one whose captures are due or overdue. */
export function currentRound(definitions: RoundDefinition[], at: Date): Round {
  const t = at.toISOString();
  const rounds = roundsAround(definitions, at);
  return openRound(definitions, at) ?? rounds.filter((r) => r.closes <= t).at(-1)!;
}

/** The next round to open after `at`. */
export function nextRound(definitions: RoundDefinition[], at: Date): Round {
  const t = at.toISOString();
  return roundsAround(definitions, at).find((r) => r.opens > t)!;
}

/** What due computation needs to know of a snapshot. */
export interface TakenSnapshot {
  channelId: string;
  takenAt: string;
  round: string | null;
  /** A comment saved from the channel is no snapshot of it: it counts for no round. Absent: a snapshot. */
  kind?: 'snapshot' | 'comment';
  /** The newest post date the capture read, if any. */
  newestPost?: string | null;
}

/**
 * The active channels that still need a snapshot: in `round`, those with none that states the round
 * (a late capture for an overdue round states it) and none taken inside its window; a channel with
 * its own interval, when its latest snapshot is older than that many months at `now`. Capturing them
 * and asking again never asks for the same channel twice.
 */
export function dueChannels(channels: Channel[], taken: TakenSnapshot[], round: Round, now: Date = new Date()): Channel[] {
  // Channel ids are compared without regard to case, as Windows compares the folders they name.
  const key = (id: string) => id.toLowerCase();
  const snapshots = taken.filter((s) => s.kind !== 'comment');
  const done = new Set(snapshots.filter((s) => s.round === round.name || (s.takenAt >= round.opens && s.takenAt < round.closes)).map((s) => key(s.channelId)));
  const latest = new Map<string, string>();
  for (const s of snapshots) if ((latest.get(key(s.channelId)) ?? '') < s.takenAt) latest.set(key(s.channelId), s.takenAt);
  return channels.filter((c) => {
    if (!c.active) return false;
    if (!c.intervalMonths) return !done.has(key(c.id));
    const last = latest.get(key(c.id));
    if (!last) return true;
    const next = new Date(last);
    next.setUTCMonth(next.getUTCMonth() + c.intervalMonths);
    return next <= now;
  });
}

/**
 * Reads round definitions written as "april:04-01..04-30,september:09-01..09-30" (the command line's
 * --rounds); a window may run over the new year ("jul:12-15..01-15").
 */
export function parseRounds(spec: string): RoundDefinition[] {
  return spec.split(',').map((part) => {
    const match = part.trim().match(/^([\p{L}\p{N} _-]+):(\d{1,2})-(\d{1,2})\.\.(\d{1,2})-(\d{1,2})$/u);
    if (!match) throw new KanalarkivError('invalid_rounds', `"${part}" is not a round; write it as name:MM-DD..MM-DD, e.g. april:04-01..04-30`, { what: 'format', part: part.trim() });
    const [, label, sm, sd, em, ed] = match;
    const start = { month: Number(sm), day: Number(sd) };
    const end = { month: Number(em), day: Number(ed) };
    for (const { month, day } of [start, end]) {
      if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2024, month, 0)).getUTCDate()) {
        const date = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        throw new KanalarkivError('invalid_rounds', `"${part}" has no date ${date}`, { what: 'date', part: part.trim(), date });
      }
    }
    return { label: label!.trim(), start, end };
  });
}

/**
 * The round a new snapshot of each channel belongs to, the one rule for the app and the command line:
 * the round open at `at`; once it has closed, the current (overdue) round for a channel still due in
 * it, so that a late capture completes the round; otherwise none.
 */
export function roundsForCapture(definitions: RoundDefinition[], at: Date, channels: Channel[], snapshots: TakenSnapshot[]): Map<string, string | null> {
  const open = openRound(definitions, at);
  const current = currentRound(definitions, at);
  const due = new Set(dueChannels(channels, snapshots, current, at).map((c) => c.id));
  return new Map(channels.map((c) => [c.id, open?.name ?? (due.has(c.id) ? current.name : null)]));
}
