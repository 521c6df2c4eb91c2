import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/ipc';

export function App() {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void window.kanalarkiv.getAppInfo().then(setInfo);
  }, []);

  return (
    <main>
      <header>
        <h1>{t('app.title')}</h1>
        <p>{t('app.tagline')}</p>
        <label>
          {t('language')}{' '}
          <select value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
            <option value="sv">Svenska</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <section aria-labelledby="profile">
        <h2 id="profile">{t('profile.heading')}</h2>
        <p>{t('profile.intro')}</p>
        {info ? (
          <dl>
            <dt>{t('profile.version')}</dt>
            <dd>{info.captureProfile.version} (Kanalarkiv {info.version})</dd>
            <dt>{t('profile.viewport')}</dt>
            <dd>{info.captureProfile.viewport.width} × {info.captureProfile.viewport.height} px</dd>
            <dt>{t('profile.locale')}</dt>
            <dd>{info.captureProfile.locale}</dd>
            <dt>{t('profile.timezone')}</dt>
            <dd>{info.captureProfile.timezoneId}</dd>
            <dt>{t('profile.method')}</dt>
            <dd>{t('profile.scrollAndStitch')}</dd>
          </dl>
        ) : (
          <p>{t('loading')}</p>
        )}
      </section>
      <section aria-labelledby="cli">
        <h2 id="cli">{t('cli.heading')}</h2>
        <p>{t('cli.intro')}</p>
        <pre>npx kanalarkiv capture --channels kanaler.csv --archive arkiv</pre>
      </section>
    </main>
  );
}
