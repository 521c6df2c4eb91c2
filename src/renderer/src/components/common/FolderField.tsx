import { useTranslation } from 'react-i18next';
import { api } from '../../api';

/**
 * A folder, chosen with the shell's folder dialog or typed (a network path is often quicker to
 * paste). The button's name says which folder it chooses, for screen readers.
 */
export function FolderField({ id, label, value, hint, onChange }: { id: string; label: string; value: string; hint?: string; onChange: (folder: string) => void }) {
  const { t } = useTranslation();
  async function choose() {
    const folder = await api.chooseFolder(value).catch(() => null);
    if (folder) onChange(folder);
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="with-button">
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
        <button type="button" className="secondary" aria-label={t('folder.chooseLabel', { label })} onClick={() => void choose()}>{t('folder.choose')}</button>
      </div>
      {hint && <small id={`${id}-hint`}>{hint}</small>}
    </div>
  );
}
