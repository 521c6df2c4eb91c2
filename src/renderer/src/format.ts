import type { CaptureWarning } from '../../shared/capture-warnings';
import { warningText } from '../../shared/capture-warnings';

/** A capture warning in the UI's language, from the catalogue the record's cover is written from. */
export function formatWarning(warning: CaptureWarning, language: string): string {
  return warningText(warning, language === 'en' ? 'en' : 'sv');
}
