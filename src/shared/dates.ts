/**
 * Dates as Swedish municipalities read them: Swedish time, whatever the computer's zone; one rule
 * for the UI, the command line and the records.
 */
const locale = (language: string) => (language === 'en' ? 'en-GB' : 'sv-SE');

/** "14 apr. 2026 08:30"; with seconds, for records of the same day that must be told apart. */
export function formatDateTime(iso: string, language: string, seconds = false): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'Europe/Stockholm', dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'Europe/Stockholm', dateStyle: 'long' }).format(new Date(iso));
}

/** The day in Swedish time, 2026-04-14: what "the same day" means. */
export function stockholmDay(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short' }).format(new Date(iso));
}

/**
 * Which records share their channel's day with another, so that their times are shown to the
 * second: two records of a channel on one day otherwise read the same. A ref starts with its channel.
 */
export function sharingADay(records: Array<{ ref: string; takenAt: string }>): (record: { ref: string; takenAt: string }) => boolean {
  const key = (r: { ref: string; takenAt: string }) => `${r.ref.split('/')[0]}/${stockholmDay(r.takenAt)}`;
  const counts = new Map<string, number>();
  for (const r of records) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return (r) => (counts.get(key(r)) ?? 0) > 1;
}
