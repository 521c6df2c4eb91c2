import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../../../../shared/archive';
import type { LoginState, Platform } from '../../../../shared/channel';
import { quietSince, type RegisteredChannel } from '../../../../shared/register';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { Thumbnail } from '../common/Thumbnail';

/**
 * The register: every channel with its owners, its latest snapshot and whether it is active; a
 * channel on a platform that shows only part of it without a login says so while there is none.
 */
export function ChannelTable({ channels, catalogue, logins, onEdit }: { channels: RegisteredChannel[]; catalogue: Catalogue | null; logins: Record<Platform, LoginState> | null; onEdit: (channel: RegisteredChannel, closing?: boolean) => void }) {
  const { t, i18n } = useTranslation();
  // The catalogue is newest first, so the first snapshot found per channel is its latest.
  const latest = (id: string) => catalogue?.snapshots.find((s) => s.channelId === id && s.kind === 'snapshot');
  const at = new Date();
  if (channels.length === 0) return <p>{t('channels.empty')}</p>;
  return (
    <table>
      <caption>{t('channels.caption', { count: channels.length })}</caption>
      <thead>
        <tr><th scope="col">{t('channel.platform')}</th><th scope="col">{t('channel.name')}</th><th scope="col">{t('channel.unit')}</th><th scope="col">{t('channel.owners')}</th><th scope="col">{t('channel.url')}</th><th scope="col">{t('channels.latest')}</th><th scope="col">{t('channels.status')}</th><th scope="col"><span className="visually-hidden">{t('channels.actions')}</span></th></tr>
      </thead>
      <tbody>
        {channels.map((c) => {
          const last = latest(c.id);
          const quiet = c.active ? quietSince(c.id, catalogue?.snapshots ?? [], at) : null;
          return (
            <tr key={c.id}>
              <td>
                <span className={`platform platform-${c.platform}`}>{t(`platform.${c.platform}`)}</span>
                {logins?.[c.platform]?.needed && !logins[c.platform].loggedIn && (
                  <span className="warning login-needed" title={t('channels.loginNeededHint', { platform: t(`platform.${c.platform}`) })}> {t('channels.loginNeeded')}</span>
                )}
              </td>
              <td>{c.name}</td>
              <td>{c.unit}</td>
              <td>
                {c.owners.join(', ') || '–'}
                {c.owners.length < 2 && <span className="warning"> {t('channels.fewOwners')}</span>}
              </td>
              <td className="url">{c.url}</td>
              <td>
                {last ? (
                  <>
                    <Thumbnail snapshot={last.ref} alt={t('archive.thumbAlt', { name: c.name, date: formatDateTime(last.takenAt, i18n.language) })} width={96} />
                    <time dateTime={last.takenAt}>{formatDateTime(last.takenAt, i18n.language)}</time>
                  </>
                ) : (
                  <span className="warning">{t('channels.never')}</span>
                )}
              </td>
              <td>
                {c.active ? t('channels.active') : t('channels.inactive')}
                {quiet && <span className="warning quiet" title={t('channels.quietHint')}>{t('channels.quiet', { date: formatDate(quiet, i18n.language) })}</span>}
              </td>
              <td className="actions">
                <button type="button" className="secondary" onClick={() => onEdit(c)} aria-label={t('channels.editLabel', { name: c.name })}>{t('channels.edit')}</button>
                {quiet && <button type="button" className="secondary" onClick={() => onEdit(c, true)} aria-label={t('channels.closeAccount', { name: c.name })}>{t('channels.close')}</button>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
