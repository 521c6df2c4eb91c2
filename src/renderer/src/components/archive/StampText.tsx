import { useTranslation } from 'react-i18next';
import type { RecordStamp } from '../../../../shared/archive';
import { formatDateTime } from '../../../../shared/dates';

/** What a record's trusted timestamp proves: when and by whom, whether it still holds, and how late it came. */
export function StampText({ stamp }: { stamp: RecordStamp | null }) {
  const { t, i18n } = useTranslation();
  if (!stamp) return <>{t('record.noStamp')}</>;
  const values = { at: formatDateTime(stamp.at, i18n.language, true), authority: stamp.authority };
  if (!stamp.holds) return <span className="warning">{t('record.stampBroken', values)}</span>;
  const hours = stamp.lateMs === null ? 0 : Math.floor(stamp.lateMs / 3_600_000);
  const later = hours >= 24 ? t('record.days', { count: Math.floor(hours / 24) }) : t('record.hours', { count: hours });
  return (
    <>
      <span className="good">{t('record.stampHolds', values)}</span>
      {stamp.lateMs !== null && <> {t('record.stampLate', { later })}</>}
      {' '}{t(stamp.trusted ? 'record.stampTrusted' : stamp.rootsSet ? 'record.stampNotTrusted' : 'record.stampTrust')}
    </>
  );
}
