import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDOVER_TARGETS, type HandoverOverview, type HandoverSettings, type HandoverTarget, type PlatinaCheck } from '../../../../shared/handover';
import { api } from '../../api';
import { HandoverSettingsForm } from './HandoverSettingsForm';
import { ErrorNotice } from '../common/ErrorNotice';
import { PlatinaCheckView } from './PlatinaCheckView';

interface Props {
  target: HandoverTarget;
  onTarget: (target: HandoverTarget) => void;
  overview: HandoverOverview;
  settings: HandoverSettings;
  /** Settings or the sign-in changed: read the overview again. */
  onChanged: () => void;
}

/** Where the records go: the target, its destination or what its settings lack, the Platina sign-in, and the settings. */
export function TargetPanel({ target, onTarget, overview, settings, onChanged }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [check, setCheck] = useState<PlatinaCheck | null>(null);
  const [checking, setChecking] = useState(false);
  // Signing in needs only the sign-in settings: the diary and the values are chosen by name after it.
  const { authority, clientId, scope } = settings.platina;
  const canSignIn = Boolean(authority && clientId && scope);

  async function checkConnection() {
    setProblem(null);
    setCheck(null);
    setChecking(true);
    try {
      setCheck(await api.checkPlatina());
    } catch (error) {
      setProblem(error);
    } finally {
      setChecking(false);
    }
  }

  async function platina(action: 'signIn' | 'signOut') {
    setProblem(null);
    try {
      await (action === 'signIn' ? api.signInPlatina() : api.signOutPlatina());
    } catch (error) {
      setProblem(error);
    }
    onChanged();
  }

  return (
    <>
      <fieldset className="targets">
        <legend>{t('handover.where')}</legend>
        {HANDOVER_TARGETS.map((name) => (
          <span key={name} className="target">
            <input type="radio" name="target" id={`target-${name}`} checked={target === name} onChange={() => { onTarget(name); setEditing(false); }} />
            <label htmlFor={`target-${name}`}>{t(`handover.targets.${name}`)}</label>
          </span>
        ))}
      </fieldset>

      <div className={`round ${overview.settingsProblem ? 'overdue' : ''}`}>
        <p>{t(`handover.about.${target}`)}</p>
        {overview.destination ? <p><strong>{t('handover.destination')}</strong> {overview.destination}</p> : <ErrorNotice error={overview.settingsProblem} />}
        {target === 'platina' && (
          <p>
            {overview.platina.signedIn ? t('handover.signedIn', { name: overview.platina.name ?? overview.platina.email }) : t('handover.signedOut')}{' '}
            {overview.platina.signedIn
              ? <button type="button" className="secondary" onClick={() => void platina('signOut')}>{t('handover.signOut')}</button>
              : <button type="button" onClick={() => void platina('signIn')} disabled={!canSignIn}>{t('handover.signIn')}</button>}
            {overview.platina.signedIn && <> <button type="button" className="secondary" onClick={() => void checkConnection()} disabled={checking}>{checking ? t('handover.platina.checking') : t('handover.platina.check')}</button></>}
          </p>
        )}
        {target === 'platina' && check && <PlatinaCheckView check={check} />}
        <ErrorNotice error={problem} />
        <button type="button" className="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>{t('handover.editSettings')}</button>
      </div>
      {editing && <HandoverSettingsForm key={target} target={target} initial={settings} smtpPasswordSet={overview.smtpPasswordSet} platinaSignedIn={overview.platina.signedIn} onSaved={onChanged} />}
    </>
  );
}
