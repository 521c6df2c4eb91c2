/** A recurring capture round: a window of days in the year, the same every year. */
export interface RoundDefinition {
  /** Swedish name used in the round's name, e.g. "april" → "2026 april". */
  label: string;
  /** First day of the window, month 1–12. */
  start: { month: number; day: number };
  /** Last day of the window (inclusive). */
  end: { month: number; day: number };
}

/** One round of one year. */
export interface Round {
  name: string;
  /** First instant of the window (local midnight), ISO UTC. */
  opens: string;
  /** First instant after the window (local midnight after its last day), ISO UTC. */
  closes: string;
}

export type ReminderKind = 'opened' | 'closing' | 'overdue';

export interface Reminder {
  kind: ReminderKind;
  round: Round;
  /** Channels still due when the reminder was made. */
  due: number;
}

/** A channel as the round overview lists it. */
export interface RoundChannel {
  id: string;
  name: string;
}

/** The current round: per unit, which channels are captured, still due, and failed at their last try. */
export interface RoundOverview {
  round: Round;
  open: boolean;
  next: Round;
  units: Array<{ unit: string; captured: RoundChannel[]; due: RoundChannel[]; failed: RoundChannel[] }>;
  /** Active channels whose newest post, as the snapshots read them, is older than QUIET_MONTHS: candidates for closing. */
  quiet: Array<RoundChannel & { newestPost: string }>;
  /** Reminders not given before; asking for the overview counts as giving them. */
  reminders: Reminder[];
}

/**
 * A round's name as people say it ("2026 september" → "Septemberomgången 2026"), through the
 * catalogue's `round.title`; a name of another shape is shown whole.
 */
export function roundTitle(name: string, t: (key: string, values: Record<string, string>) => string): string {
  const match = /^(\d{4}) (\p{L}+)$/u.exec(name);
  if (!match) return t('round.titleOther', { name });
  const [, year, label] = match as unknown as [string, string, string];
  return t('round.title', { year, label: label.charAt(0).toUpperCase() + label.slice(1) });
}

/** A channel's last capture attempt, kept so the round overview can tell failed from not yet tried. */
export interface Attempt {
  at: string;
  status: 'ok' | 'failed';
}
