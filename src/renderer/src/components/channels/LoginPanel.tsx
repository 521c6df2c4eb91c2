import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginState, Platform } from '../../../../shared/channel';
import { api } from '../../api';
import { ErrorNotice } from '../ErrorNotice';

/**
 * Which platforms have a login session and which need one for a complete snapshot, and a login
 * window for each; what went wrong is said here. The state belongs to the screen, which also shows
 * it next to the channels.
 */
export function LoginPanel({ logins, error, onChange }: { logins: Record<Platform, LoginState> | null; error: unknown; onChange: (logins: Record<Platform, LoginState>) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Platform | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  async function logIn(platform: Platform) {
    setBusy(platform);
    setProblem(null);
    try {
      onChange(await api.openLogin(platform));
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="logins" role="group" aria-labelledby="logins-heading">
      <h3 id="logins-heading">{t('channels.logins')}</h3>
      <p>{t('channels.loginsIntro')}</p>
      <ErrorNotice error={error} />
      <ul>
        {logins && (Object.keys(logins) as Platform[]).filter((p) => p !== 'web').map((p) => (
          <li key={p}>
            <span className={`platform platform-${p}`}>{t(`platform.${p}`)}</span>{' '}
            {logins[p].loggedIn ? t('channels.loggedIn') : logins[p].needed ? <span className="warning">{t('channels.loginNeeded')}</span> : t('channels.loginOptional')}{' '}
            <button type="button" className="secondary" disabled={busy !== null} onClick={() => void logIn(p)}>
              {busy === p ? t('channels.loginOpen') : t('channels.logIn', { platform: t(`platform.${p}`) })}
            </button>
          </li>
        ))}
      </ul>
      <ErrorNotice error={problem} />
    </div>
  );
}
