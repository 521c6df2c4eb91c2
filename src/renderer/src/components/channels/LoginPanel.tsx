import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../../shared/channel';
import { api } from '../../api';
import { useApi, useErrorText } from '../../hooks/useApi';

/** Which platforms have a login session, and a login window for each; what went wrong is said here. */
export function LoginPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = useApi(() => api.getLoginStatus(), []);
  const [logins, setLogins] = useState<Record<Platform, boolean> | null>(null);
  const [busy, setBusy] = useState<Platform | null>(null);
  const [problem, setProblem] = useState('');
  const shown = logins ?? status.value;

  async function logIn(platform: Platform) {
    setBusy(platform);
    setProblem('');
    try {
      setLogins(await api.openLogin(platform));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="logins" role="group" aria-labelledby="logins-heading">
      <h3 id="logins-heading">{t('channels.logins')}</h3>
      <p>{t('channels.loginsIntro')}</p>
      {status.error && <p className="error" role="alert">{errorText(status.error)}</p>}
      <ul>
        {shown && (Object.keys(shown) as Platform[]).filter((p) => p !== 'web').map((p) => (
          <li key={p}>
            <span className={`platform platform-${p}`}>{t(`platform.${p}`)}</span>{' '}
            {shown[p] ? t('channels.loggedIn') : t('channels.loggedOut')}{' '}
            <button type="button" className="secondary" disabled={busy !== null} onClick={() => void logIn(p)}>
              {busy === p ? t('channels.loginOpen') : t('channels.logIn', { platform: t(`platform.${p}`) })}
            </button>
          </li>
        ))}
      </ul>
      {problem && <p className="error" role="alert">{problem}</p>}
    </div>
  );
}
