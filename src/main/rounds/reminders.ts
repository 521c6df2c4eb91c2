import { currentRound, openRound } from './rounds';
import type { Reminder, ReminderKind, Round, RoundDefinition } from '../../shared/rounds';

const WEEK_MS = 7 * 86_400_000;

/**
 * Which reminders to give now. A round's "opened" and "closing" (a week before it closes) reminders
 * are given once each, also on the first start after they fell due (catch-up when the app was not
 * running); "overdue" is given on every start while a closed round still has due channels. `shown`
 * holds the keys of reminders already given.
 */
export function remindersDue(definitions: RoundDefinition[], now: Date, due: number, shown: ReadonlySet<string>): Reminder[] {
  const reminders: Reminder[] = [];
  const round = currentRound(definitions, now);
  const open = openRound(definitions, now)?.name === round.name;
  if (due === 0) return reminders;
  if (open) {
    if (!shown.has(reminderKey('opened', round))) reminders.push({ kind: 'opened', round, due });
    if (Date.parse(round.closes) - now.getTime() <= WEEK_MS && !shown.has(reminderKey('closing', round))) reminders.push({ kind: 'closing', round, due });
  } else {
    reminders.push({ kind: 'overdue', round, due });
  }
  return reminders;
}

export function reminderKey(kind: ReminderKind, round: Round): string {
  return `${kind}:${round.name}`;
}
