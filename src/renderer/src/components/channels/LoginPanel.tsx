import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginState, Platform } from '../../../../shared/channel';
import { api } from '../../api';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorNotice } from '../common/ErrorNotice';

type Outcome = { platform: Platform; done: 'loggedIn' | 'loggedOut' } | { platform: Platform; problem: unknown };

/**
 * Which platforms have a saved login and which need one for a complete snapshot, with the button
 * the state calls for: log in, or log in again and log out. What happened is said beside the
 * platform's buttons. The state belongs to the screen, which also shows it next to the channels.
 */
export function LoginPanel({ logins, error, onChange }: { logins: Record<Platform, LoginState> | null; error: unknown; onChange: (logins: Record<Platform, LoginState>) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Platform | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [leaving, setLeaving] = useState<Platform | null>(null);
  const logOutDialog = useRef<HTMLDialogElement>(null);
  const name = (p: Platform) => t(`platform.${p}`);

  async function act(platform: Platform, action: 'logIn' | 'logOut') {
    setBusy(platform);
    setOutcome(null);
    try {
      onChange(await (action === 'logIn' ? api.openLogin(platform) : api.logOut(platform)));
      setOutcome({ platform, done: action === 'logIn' ? 'loggedIn' : 'loggedOut' });
    } catch (failure) {
      setOutcome({ platform, problem: failure });
    } finally {
      setBusy(null);
    }
  }

  function confirmLogOut() {
    logOutDialog.current?.close();
    if (leaving) void act(leaving, 'logOut');
  }

  return (
    <div className="logins" role="group" aria-labelledby="logins-heading">
      <h3 id="logins-heading">{t('channels.logins')}</h3>
      <p>{t('channels.loginsIntro')}</p>
      <ErrorNotice error={error} />
      <ul>
        {logins && (Object.keys(logins) as Platform[]).filter((p) => p !== 'web').map((p) => (
          <li key={p}>
            <span className={`platform platform-${p}`}>{name(p)}</span>{' '}
            {logins[p].loggedIn ? t('channels.loggedIn') : logins[p].needed ? <span className="warning">{t('channels.loginNeeded')}</span> : t('channels.loginOptional')}{' '}
            {busy === p ? (
              <span role="status">{t('channels.loginOpen')}</span>
            ) : logins[p].loggedIn ? (
              <>
                <button type="button" className="secondary" disabled={busy !== null} onClick={() => void act(p, 'logIn')}>{t('channels.logInAgain', { platform: name(p) })}</button>{' '}
                <button type="button" className="secondary danger" disabled={busy !== null} onClick={() => { setLeaving(p); logOutDialog.current?.showModal(); }}>{t('channels.logOut', { platform: name(p) })}</button>
              </>
            ) : (
              <button type="button" className="secondary" disabled={busy !== null} onClick={() => void act(p, 'logIn')}>{t('channels.logIn', { platform: name(p) })}</button>
            )}
            {outcome?.platform === p && ('done' in outcome
              ? <p role="status" className="notice">{t(outcome.done === 'loggedIn' ? (logins[p].loggedIn ? 'channels.loginSaved' : 'channels.loginNotSaved') : 'channels.loggedOut', { platform: name(p) })}</p>
              : <ErrorNotice error={outcome.problem} />)}
          </li>
        ))}
      </ul>
      <ConfirmDialog dialog={logOutDialog} id="logout" title={t('channels.logOutTitle', { platform: leaving ? name(leaving) : '' })} text={t('channels.logOutText', { platform: leaving ? name(leaving) : '' })}
        confirm={t('channels.logOutConfirm')} keep={t('channels.closingCancel')} onConfirm={confirmLogOut} />
    </div>
  );
}
