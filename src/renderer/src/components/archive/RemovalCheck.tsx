import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotRef } from '../../../../shared/archive';
import type { RemovalCheck as Check } from '../../../../shared/comment';
import { api } from '../../api';
import { formatDateTime } from '../../../../shared/dates';
import { ErrorNotice } from '../common/ErrorNotice';

/**
 * "Kontrollera borttagning" for a channel's saved comments: their links are opened again and the
 * handover log gets whether each is gone, and when, by whom. The records stay as they are.
 */
export function RemovalCheck({ refs, channelId }: { refs: SnapshotRef[]; channelId: string }) {
  const { t, i18n } = useTranslation();
  const [by, setBy] = useState('');
  const [checks, setChecks] = useState<Check[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  async function check(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setChecks(await api.checkRemoval({ refs, by }));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="removal-check" onSubmit={(e) => void check(e)} aria-label={t('removal.label')}>
      <div className="field">
        <label htmlFor={`removal-by-${channelId}`}>{t('removal.by')}</label>
        <input id={`removal-by-${channelId}`} value={by} onChange={(e) => setBy(e.target.value)} required autoComplete="name" />
      </div>
      <button type="submit" className="secondary" disabled={busy}>{busy ? t('removal.checking') : t('removal.check')}</button>
      <ErrorNotice error={problem} />
      {checks && (
        <ul aria-live="polite">
          {checks.map((c) => (
            <li key={c.ref} className={c.gone === false ? 'warning' : undefined}>
              {c.gone === true ? t('removal.gone') : c.gone === false ? t('removal.shown') : t('removal.unknown')} ({formatDateTime(c.at, i18n.language)})
              {c.error && <span className="muted"> {c.error}</span>}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
