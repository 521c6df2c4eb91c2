import { app, Notification } from 'electron';
import type { KanalarkivApi } from '../../shared/ipc';
import type { Reminder } from '../../shared/rounds';
import { automaticCapture } from '../rounds/overview';

const HOUR_MS = 3_600_000;

const TEXT = {
  sv: {
    opened: (r: Reminder) => [`Omgång ${r.round.name} har börjat`, `${r.due} kanaler ska få sin ögonblicksbild.`],
    closing: (r: Reminder) => [`Omgång ${r.round.name} slutar om en vecka`, `${r.due} kanaler saknar fortfarande sin ögonblicksbild.`],
    overdue: (r: Reminder) => [`Omgång ${r.round.name} är försenad`, `${r.due} kanaler saknar sin ögonblicksbild. Ta dem under Ta ögonblicksbilder.`],
    reason: 'Regelbunden ögonblicksbild',
  },
  en: {
    opened: (r: Reminder) => [`Round ${r.round.name} has opened`, `${r.due} channels are due for their snapshot.`],
    closing: (r: Reminder) => [`Round ${r.round.name} closes in a week`, `${r.due} channels still lack their snapshot.`],
    overdue: (r: Reminder) => [`Round ${r.round.name} is overdue`, `${r.due} channels lack their snapshot. Take them under Take snapshots.`],
    reason: 'Regular snapshot',
  },
};

/**
 * Tells the user about rounds: at start (which also catches up on reminders missed while the app was
 * closed) and every hour, with a system notification and the number of due channels as the badge.
 * When the user has opted in, a round that has just opened is captured automatically.
 */
export function startReminders(api: KanalarkivApi): void {
  const check = async () => {
    const [overview, settings] = await Promise.all([api.getRoundOverview(), api.getSettings()]);
    const due = overview.units.flatMap((u) => u.due);
    app.setBadgeCount(due.length);
    const text = TEXT[settings.language];
    for (const reminder of overview.reminders) {
      const [title, body] = text[reminder.kind](reminder);
      if (Notification.isSupported()) new Notification({ title, body }).show();
    }
    const automatic = automaticCapture(overview, settings.autoCapture);
    if (automatic.length > 0) await api.startCapture({ channelIds: automatic, reason: text.reason });
  };
  const run = () => void check().catch((error: Error) => console.error('Kanalarkiv reminders:', error.message));
  run();
  setInterval(run, HOUR_MS);
}
