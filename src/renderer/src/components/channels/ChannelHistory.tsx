import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { formatDateTime } from '../../../../shared/dates';
import { useApi } from '../../hooks/useApi';
import { ErrorNotice } from '../common/ErrorNotice';

/** A channel's history in the register: who added, changed, deactivated it, and when. */
export function ChannelHistory({ channelId, version }: { channelId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const history = useApi(() => api.getChannelHistory(channelId), [channelId, version]);
  if (history.error) return <ErrorNotice error={history.error} />;
  if (!history.value) return null;
  return (
    <section aria-labelledby="history-heading" className="history">
      <h4 id="history-heading">{t('history.heading')}</h4>
      {history.value.length === 0 ? <p>{t('history.none')}</p> : (
        <ul>
          {[...history.value].reverse().map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>{' '}
              {t(`history.${e.action}`, { by: e.by || t('history.someone') })}
              {e.action === 'changed' && `: ${e.changes.map((c) => t([`channel.${c.field}`, c.field]).toLocaleLowerCase(i18n.language)).join(', ')}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
