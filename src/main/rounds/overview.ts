import type { Channel } from '../../shared/channel';
import type { CaptureJobState } from '../../shared/capture';
import { quietSince } from '../../shared/register';
import type { Attempt, Reminder, RoundDefinition, RoundOverview } from '../../shared/rounds';
import { reminderKey, remindersDue } from './reminders';
import { currentRound, dueChannels, nextRound, openRound, type TakenSnapshot } from './rounds';


/** The attempts after a finished capture run: each channel's latest outcome replaces its earlier one. */
export function recordAttempts(attempts: Record<string, Attempt>, job: CaptureJobState): Record<string, Attempt> {
  if (!job.finishedAt) return attempts;
  const next = { ...attempts };
  // A cancelled channel was not tried to the end: it has not failed, and keeps its last real attempt.
  for (const c of job.channels) if (c.result && c.result.error?.code !== 'cancelled') next[c.channelId] = { at: job.finishedAt, status: c.result.status };
  return next;
}

export interface OverviewInput {
  definitions: RoundDefinition[];
  at: Date;
  channels: Channel[];
  snapshots: TakenSnapshot[];
  attempts: Record<string, Attempt>;
  /** Keys of the reminders given before. */
  shown: ReadonlySet<string>;
}

/**
 * The current round per unit: which active channels are captured, still due, and failed at their
 * last try in this round; with the reminders to give now and their keys, to remember as given.
 */
export function roundOverview({ definitions, at, channels, snapshots, attempts, shown }: OverviewInput): { overview: RoundOverview; given: string[] } {
  const round = currentRound(definitions, at);
  const active = channels.filter((c) => c.active);
  const due = new Set(dueChannels(active, snapshots, round, at).map((c) => c.id));
  const failedNow = (id: string) => attempts[id]?.status === 'failed' && attempts[id]!.at >= round.opens;
  const units = [...new Set(active.map((c) => c.unit))].sort((a, b) => a.localeCompare(b, 'sv')).map((unit) => {
    const mine = active.filter((c) => c.unit === unit);
    const pick = (test: (id: string) => boolean) => mine.filter((c) => test(c.id)).map(({ id, name }) => ({ id, name }));
    return { unit, captured: pick((id) => !due.has(id)), due: pick((id) => due.has(id)), failed: pick((id) => due.has(id) && failedNow(id)) };
  });
  const reminders: Reminder[] = remindersDue(definitions, at, due.size, shown);
  const overview = { round, open: openRound(definitions, at)?.name === round.name, next: nextRound(definitions, at), units, quiet: quietChannels(active, snapshots, at), reminders };
  return { overview, given: reminders.map((r) => reminderKey(r.kind, r.round)) };
}

/** The channels whose newest post seen in any snapshot is older than QUIET_MONTHS before `at`. */
function quietChannels(channels: Channel[], snapshots: TakenSnapshot[], at: Date): RoundOverview['quiet'] {
  return channels.flatMap(({ id, name }) => {
    const newestPost = quietSince(id, snapshots, at);
    return newestPost ? [{ id, name, newestPost }] : [];
  });
}

/**
 * The channels to capture by themselves, when the user has opted in: those due in a round that has
 * just opened (its "opened" reminder is being given now), once; otherwise none.
 */
export function automaticCapture(overview: RoundOverview, optedIn: boolean): string[] {
  if (!optedIn || !overview.open || !overview.reminders.some((r) => r.kind === 'opened')) return [];
  return overview.units.flatMap((u) => u.due.map((c) => c.id));
}
