import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverSettings, HandoverTarget } from '../../../../shared/handover';
import { api } from '../../api';
import { ErrorNotice } from '../common/ErrorNotice';
import { FolderField } from '../common/FolderField';
import { PlatinaValueFields } from './PlatinaValueFields';

type Field = { path: string; type?: 'text' | 'number' | 'password' | 'folder' };

/** Which settings each target needs, as paths into HandoverSettings. */
const FIELDS: Record<HandoverTarget, (s: HandoverSettings) => Field[]> = {
  platina: (s) => [
    { path: 'platina.baseUrl' }, { path: 'platina.authority' }, { path: 'platina.clientId' }, { path: 'platina.scope' },
    { path: 'platina.redirectPath' }, { path: 'platina.openApiUrl' }, { path: 'platina.tokenHeader' },
    ...(s.platina.caseMode === 'existing' ? [{ path: 'platina.caseId' }] : []),
  ],
  email: (s) => [
    { path: 'email.to' }, { path: 'email.from' },
    ...(s.email.mode === 'smtp' ? [{ path: 'email.host' }, { path: 'email.port', type: 'number' as const }, { path: 'email.user' }, { path: 'email.caFile' }] : [{ path: 'email.emlDir', type: 'folder' as const }]),
  ],
  folder: () => [{ path: 'folderDir', type: 'folder' }],
  eark: () => [{ path: 'earkDir', type: 'folder' }, { path: 'organisationId' }, { path: 'submissionAgreement' }],
  'file-archive': () => [{ path: 'fileArchiveDir', type: 'folder' }],
};

function read(settings: HandoverSettings, path: string): string {
  return String(path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], settings));
}

function write(settings: HandoverSettings, path: string, value: string | number): HandoverSettings {
  const [group, key] = path.split('.');
  if (!key) return { ...settings, [group!]: value };
  return { ...settings, [group!]: { ...(settings[group as 'platina' | 'email'] as object), [key]: value } };
}

/** The settings one target needs, with a hint for each from the registrar's point of view. */
export function HandoverSettingsForm({ target, initial, smtpPasswordSet, platinaSignedIn, onSaved }: { target: HandoverTarget; initial: HandoverSettings; smtpPasswordSet: boolean; platinaSignedIn: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState(initial);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<unknown>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    try {
      await api.saveHandoverSettings(settings);
      if (target === 'email' && settings.email.mode === 'smtp' && password) {
        const kept = await api.setSmtpPassword(password);
        setMessage(kept ? t('handover.settings.saved') : t('handover.settings.passwordNotKept'));
      } else {
        setMessage(t('handover.settings.saved'));
      }
    } catch (error) {
      setMessage('');
      setProblem(error);
      return;
    }
    setPassword('');
    onSaved();
  }

  return (
    <form aria-labelledby="handover-settings-heading" onSubmit={(e) => void save(e)}>
      <h3 id="handover-settings-heading">{t('handover.settings.heading', { target: t(`handover.targets.${target}`) })}</h3>
      {target === 'platina' && (
        <div className="field">
          <label htmlFor="hs-caseMode">{t('handover.settings.platina.caseMode')}</label>
          <select id="hs-caseMode" value={settings.platina.caseMode} onChange={(e) => setSettings(write(settings, 'platina.caseMode', e.target.value))}>
            <option value="per-round">{t('handover.settings.platina.perRound')}</option>
            <option value="existing">{t('handover.settings.platina.existing')}</option>
          </select>
          <label htmlFor="hs-redirectHost">{t('handover.settings.platina.redirectHost')}</label>
          <select id="hs-redirectHost" value={settings.platina.redirectHost} onChange={(e) => setSettings(write(settings, 'platina.redirectHost', e.target.value))}>
            <option value="localhost">http://localhost</option>
            <option value="127.0.0.1">http://127.0.0.1</option>
          </select>
        </div>
      )}
      {target === 'email' && (
        <div className="field">
          <label htmlFor="hs-mode">{t('handover.settings.email.mode')}</label>
          <select id="hs-mode" value={settings.email.mode} onChange={(e) => setSettings(write(settings, 'email.mode', e.target.value))}>
            <option value="smtp">{t('handover.settings.email.smtp')}</option>
            <option value="eml">{t('handover.settings.email.eml')}</option>
          </select>
        </div>
      )}
      <div className="grid">
        {FIELDS[target](settings).map((field) => field.type === 'folder' ? (
          <FolderField key={field.path} id={`hs-${field.path}`} label={t(`handover.settings.${field.path}`)} value={read(settings, field.path)} onChange={(folder) => setSettings(write(settings, field.path, folder))} />
        ) : (
          <div className="field" key={field.path}>
            <label htmlFor={`hs-${field.path}`}>{t(`handover.settings.${field.path}`)}</label>
            <input
              id={`hs-${field.path}`}
              type={field.type ?? 'text'}
              value={read(settings, field.path)}
              onChange={(e) => setSettings(write(settings, field.path, field.type === 'number' ? Number(e.target.value) : e.target.value))}
            />
          </div>
        ))}
        {target === 'email' && settings.email.mode === 'smtp' && (
          <div className="field">
            <label htmlFor="hs-password">{t('handover.settings.email.password')}</label>
            <input id="hs-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <small>{smtpPasswordSet ? t('handover.settings.email.passwordSet') : t('handover.settings.email.passwordHint')}</small>
          </div>
        )}
      </div>
      {target === 'platina' && <PlatinaValueFields platina={settings.platina} signedIn={platinaSignedIn} onChange={(platina) => setSettings({ ...settings, platina })} />}
      <button type="submit">{t('handover.settings.save')}</button>
      {message && <p role="status">{message}</p>}
      <ErrorNotice error={problem} />
    </form>
  );
}
