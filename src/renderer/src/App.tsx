import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Archive } from './screens/Archive';
import { Capture } from './screens/Capture';
import { Channels } from './screens/Channels';
import { Handover } from './screens/Handover';
import { SaveComment } from './screens/SaveComment';
import { Settings } from './screens/Settings';
import { api } from './api';

const SCREENS = { channels: Channels, capture: Capture, comment: SaveComment, archive: Archive, handover: Handover, settings: Settings } as const;
type Screen = keyof typeof SCREENS;

export function App() {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>('channels');
  useEffect(() => {
    void api.getSettings().then((s) => i18n.changeLanguage(s.language), () => undefined);
  }, [i18n]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);
  const Current = SCREENS[screen];

  return (
    <>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <nav aria-label={t('nav.label')}>
          <ul>
            {(Object.keys(SCREENS) as Screen[]).map((s) => (
              <li key={s}>
                <button type="button" aria-current={s === screen ? 'page' : undefined} onClick={() => setScreen(s)}>{t(`nav.${s}`)}</button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {Current === Archive ? <Archive onCapture={() => setScreen('capture')} /> : <Current />}
      </main>
    </>
  );
}
