import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../../../shared/archive';
import { formatDateTime } from '../../../../shared/dates';
import { roundTitle } from '../../../../shared/rounds';
import { Thumbnail } from '../common/Thumbnail';

/** One record in the archive list: its picture, when (to the second, beside another of the same day), why, its round, and whether the last check found it damaged. */
export function SnapshotItem({ snapshot: s, damaged, seconds, withChannel = false, onOpen }: { snapshot: SnapshotSummary; damaged: boolean; seconds: boolean; withChannel?: boolean; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const when = formatDateTime(s.takenAt, i18n.language, seconds);
  return (
    <li className={damaged ? 'snapshot damaged' : 'snapshot'}>
      <Thumbnail snapshot={s.ref} alt={t('archive.thumbAlt', { name: s.channelName, date: when })} />
      <div>
        {withChannel && <p><strong>{s.channelName}</strong> <small className="muted">{t(`platform.${s.platform}`)} · {s.unit}</small></p>}
        <time dateTime={s.takenAt}>{when}</time>
        {damaged && <> <strong className="badge bad">{t('archive.damaged')}</strong></>}
        <p>{s.kind === 'comment' ? `${t(s.commentPurpose === 'register' ? 'archive.commentToRegister' : 'archive.commentRemoved')}: ${s.reason}` : s.reason}</p>
        <p className="muted">{s.round ? roundTitle(s.round, t) : t('handover.noRound')} · {t('archive.pages', { count: s.pages })}{s.warnings.length > 0 && ` · ${t('archive.warnings', { count: s.warnings.length })}`}</p>
        <button type="button" className="secondary" onClick={onOpen} data-open={s.ref} aria-label={t('archive.openLabel', { name: s.channelName, date: when })}>{t('archive.open')}</button>
      </div>
    </li>
  );
}
