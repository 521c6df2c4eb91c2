import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Settings as SettingsValues } from '../../../shared/settings';
import { api } from '../api';
import { CommentReasonsForm } from '../components/settings/CommentReasonsForm';
import { useApi } from '../hooks/useApi';
import { ErrorNotice } from '../components/common/ErrorNotice';
import { FolderField } from '../components/common/FolderField';

export function Settings() {
  const { t, i18n } = useTranslation();
  const loaded = useApi(async () => ({ info: await api.getAppInfo(), settings: await api.getSettings() }), []);
  const info: AppInfo | null = loaded.value?.info ?? null;
  const [edited, setSettings] = useState<SettingsValues | null>(null);
  const settings = edited ?? loaded.value?.settings ?? null;
  const [saved, setSaved] = useState(false);

  const [problem, setProblem] = useState<unknown>(null);
  async function save(event: FormEvent) {
    event.preventDefault();
    if (!settings) return;
    try {
      await api.saveSettings(settings);
      // Read again: what is shown is what was saved, and a change of archive folder is no longer pending.
      await loaded.reload();
      setSettings(null);
      setProblem(null);
    } catch (error) {
      setProblem(error);
      return;
    }
    await i18n.changeLanguage(settings.language);
    setSaved(true);
  }

  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (!settings || !info) return <p>{t('loading')}</p>;
  const input = (name: 'organisation' | 'browserPath' | 'rounds' | 'tsaUrl', hint?: string) => (
    <div className="field">
      <label htmlFor={`settings-${name}`}>{t(`settings.${name}`)}</label>
      <input id={`settings-${name}`} value={settings[name]} onChange={(e) => { setSaved(false); setSettings({ ...settings, [name]: e.target.value }); }} />
      {hint && <small>{hint}</small>}
    </div>
  );

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      <form onSubmit={(e) => void save(e)}>
        {input('organisation', t('settings.sharedHint'))}
        <FolderField id="settings-archiveDir" label={t('settings.archiveDir')} value={settings.archiveDir} hint={t('settings.archiveDirHint')} onChange={(archiveDir) => { setSaved(false); setSettings({ ...settings, archiveDir }); }} />
        {loaded.value && settings.archiveDir !== loaded.value.settings.archiveDir && <p className="warning" role="status">{t('settings.archiveDirChanging')}</p>}
        {input('browserPath', t('settings.browserHint'))}
        {input('rounds', `${t('settings.roundsHint')} ${t('settings.sharedHint')}`)}
        {input('tsaUrl', `${t('settings.tsaUrlHint')} ${t('settings.sharedHint')}`)}
        <div className="field">
          <label htmlFor="settings-tsaRoots">{t('settings.tsaRoots')}</label>
          <textarea id="settings-tsaRoots" rows={4} spellCheck={false} value={settings.tsaRoots} placeholder="-----BEGIN CERTIFICATE-----" onChange={(e) => { setSaved(false); setSettings({ ...settings, tsaRoots: e.target.value }); }} />
          <small>{t('settings.tsaRootsHint')} {t('settings.sharedHint')}</small>
        </div>
        <div className="field checkbox">
          <input id="settings-autoCapture" type="checkbox" checked={settings.autoCapture} onChange={(e) => { setSaved(false); setSettings({ ...settings, autoCapture: e.target.checked }); }} />
          <label htmlFor="settings-autoCapture">{t('settings.autoCapture')}</label>
        </div>
        <div className="field">
          <label htmlFor="settings-language">{t('language')}</label>
          <select id="settings-language" value={settings.language} onChange={(e) => { setSaved(false); setSettings({ ...settings, language: e.target.value as 'sv' | 'en' }); }}>
            <option value="sv">Svenska</option>
            <option value="en">English</option>
          </select>
        </div>
        <button type="submit">{t('settings.save')}</button>
        {saved && <p role="status">{t('settings.saved')}</p>}
        {problem ? <><p className="error">{t('settings.notSaved')}</p><ErrorNotice error={problem} /></> : null}
      </form>
      <CommentReasonsForm />
      <h3 id="profile">{t('profile.heading')}</h3>
      <p>{t('profile.intro')}</p>
      <dl>
        <dt>{t('profile.version')}</dt><dd>{info.captureProfile.version} (Kanalarkiv {info.version})</dd>
        <dt>{t('profile.viewport')}</dt><dd>{info.captureProfile.viewport.width} × {info.captureProfile.viewport.height} px</dd>
        <dt>{t('profile.locale')}</dt><dd>{info.captureProfile.locale}</dd>
        <dt>{t('profile.timezone')}</dt><dd>{info.captureProfile.timezoneId}</dd>
        <dt>{t('profile.method')}</dt><dd>{t('profile.scrollAndStitch')}</dd>
      </dl>
    </section>
  );
}
