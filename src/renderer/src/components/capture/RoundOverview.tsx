import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApi } from '../../hooks/useApi';
import { formatDate } from '../../../../shared/dates';
import { QUIET_MONTHS } from '../../../../shared/register';
import { roundTitle, type RoundOverview as Overview } from '../../../../shared/rounds';
import { ErrorNotice } from '../common/ErrorNotice';

const day = (iso: string, language: string) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long' }).format(new Date(iso));

/**
 * The current round per unit: captured, still due, and failed at the last try; with a way to pick
 * what remains. The screen learns the overview through `onOverview` (asking again would count its
 * reminders as given twice).
 */
export function RoundOverview({ refresh, onPickDue, onPickClosing, onOverview }: { refresh: unknown; onPickDue: (ids: string[]) => void; onPickClosing: (id: string) => void; onOverview?: (overview: Overview) => void }) {
  const { t, i18n } = useTranslation();
  const { value: overview, error } = useApi(() => api.getRoundOverview(), [refresh]);
  useEffect(() => {
    if (overview) onOverview?.(overview);
  }, [overview, onOverview]);
  if (error) return <ErrorNotice error={error} />;
  if (!overview) return null;
  const { round } = overview;
  const due = overview.units.flatMap((u) => u.due);
  const state = overview.open ? t('round.open') : due.length ? t('round.overdue') : t('round.closed');
  const lastDay = new Date(Date.parse(round.closes) - 1).toISOString();

  return (
    <section aria-labelledby="round-heading" className={`round ${!overview.open && due.length ? 'overdue' : ''}`}>
      <h3 id="round-heading">{t('round.heading', { title: roundTitle(round.name, t), from: day(round.opens, i18n.language), to: day(lastDay, i18n.language) })} – {state}</h3>
      {due.length === 0 ? (
        <p>{t('round.allDone', { next: roundTitle(overview.next.name, t), opens: day(overview.next.opens, i18n.language) })}</p>
      ) : (
        <>
          <table>
            <caption>{t('round.caption')}</caption>
            <thead><tr><th scope="col">{t('channel.unit')}</th><th scope="col">{t('round.captured')}</th><th scope="col">{t('round.due')}</th><th scope="col">{t('round.failed')}</th></tr></thead>
            <tbody>
              {overview.units.map((u) => (
                <tr key={u.unit}>
                  <th scope="row">{u.unit}</th>
                  <td>{u.captured.length}</td>
                  <td>{u.due.map((c) => c.name).join(', ') || '–'}</td>
                  <td className={u.failed.length ? 'error' : ''}>{u.failed.map((c) => c.name).join(', ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="secondary" onClick={() => onPickDue(due.map((c) => c.id))}>{t('round.pickDue', { count: due.length })}</button>
        </>
      )}
      {overview.quiet.length > 0 && (
        <div className="quiet-channels">
          <h4>{t('round.quietHeading', { months: QUIET_MONTHS })}</h4>
          <p>{t('round.quietText')}</p>
          <ul>
            {overview.quiet.map((c) => (
              <li key={c.id}>
                {t('round.quietSince', { name: c.name, date: formatDate(c.newestPost, i18n.language) })}{' '}
                <button type="button" className="secondary" onClick={() => onPickClosing(c.id)} aria-label={`${t('round.pickClosing')}: ${c.name}`}>{t('round.pickClosing')}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
