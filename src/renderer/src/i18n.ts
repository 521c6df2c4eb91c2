import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../shared/messages/en.json';
import sv from '../../shared/messages/sv.json';

// Swedish first; English for colleagues who prefer it.
void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: 'sv',
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
});

export default i18n;
