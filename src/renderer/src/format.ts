import type { CaptureWarning } from '../../shared/capture';
import { warningText } from '../../shared/capture-warnings';

/** Dates as Swedish municipalities read them: Swedish time, whatever the computer's zone. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' }).format(new Date(iso));
}

/** A capture warning in the UI's language, from the catalogue the record's cover is written from. */
export function formatWarning(warning: CaptureWarning, language: string): string {
  return warningText(warning, language === 'en' ? 'en' : 'sv');
}
