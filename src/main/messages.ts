import { createInstance } from 'i18next';
import en from '../shared/messages/en.json';
import sv from '../shared/messages/sv.json';

export type Language = 'sv' | 'en';
/** The catalogue in one language; it knows which, for the few texts kept outside it (capture warnings). */
export type Translate = ((key: string | string[], values?: Record<string, unknown>) => string) & { language: Language };

/** The app's message catalogue, in one language, for what the core writes itself: the command line, receipts, reports. */
export function messagesIn(language: Language): Translate {
  const i18n = createInstance();
  void i18n.init({ resources: { sv: { translation: sv }, en: { translation: en } }, lng: language, fallbackLng: 'sv', interpolation: { escapeValue: false }, initAsync: false });
  return Object.assign((key: string | string[], values?: Record<string, unknown>) => i18n.t(key, values ?? {}), { language });
}
