import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../../../shared/archive';
import { roundTitle } from '../../../../shared/rounds';
import { filterChoices, NO_FILTER, NO_ROUND, type ArchiveFilter } from './filter';

/** The archive list's filters and order; every choice applies at once. */
export function ArchiveFilters({ snapshots, filter, onChange, shown }: { snapshots: SnapshotSummary[]; filter: ArchiveFilter; onChange: (next: ArchiveFilter) => void; shown: number }) {
  const { t } = useTranslation();
  const choices = filterChoices(snapshots);
  const set = <K extends keyof ArchiveFilter>(key: K) => (e: { target: { value: string } }) => onChange({ ...filter, [key]: e.target.value as ArchiveFilter[K] });
  const changed = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  return (
    <fieldset className="filters">
      <legend>{t('archive.filter.heading')}</legend>
      <div className="field">
        <label htmlFor="filter-channel">{t('archive.filter.channel')}</label>
        <select id="filter-channel" value={filter.channel} onChange={set('channel')}>
          <option value="">{t('archive.filter.all')}</option>
          {choices.channels.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-unit">{t('archive.filter.unit')}</label>
        <select id="filter-unit" value={filter.unit} onChange={set('unit')}>
          <option value="">{t('archive.filter.all')}</option>
          {choices.units.map((u) => <option key={u} value={u}>{u}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-platform">{t('archive.filter.platform')}</label>
        <select id="filter-platform" value={filter.platform} onChange={set('platform')}>
          <option value="">{t('archive.filter.all')}</option>
          {choices.platforms.map((p) => <option key={p} value={p}>{t(`platform.${p}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-round">{t('archive.filter.round')}</label>
        <select id="filter-round" value={filter.round} onChange={set('round')}>
          <option value="">{t('archive.filter.all')}</option>
          {choices.rounds.map((r) => <option key={r} value={r}>{roundTitle(r, t)}</option>)}
          {choices.outsideRounds && <option value={NO_ROUND}>{t('handover.noRound')}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-kind">{t('archive.filter.kind')}</label>
        <select id="filter-kind" value={filter.kind} onChange={set('kind')}>
          <option value="">{t('archive.filter.all')}</option>
          <option value="snapshot">{t('archive.filter.snapshots')}</option>
          <option value="comment">{t('archive.filter.comments')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-from">{t('archive.filter.from')}</label>
        <input id="filter-from" type="date" value={filter.from} max={filter.to || undefined} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">{t('archive.filter.to')}</label>
        <input id="filter-to" type="date" value={filter.to} min={filter.from || undefined} onChange={set('to')} />
      </div>
      <div className="field">
        <label htmlFor="filter-order">{t('archive.filter.order')}</label>
        <select id="filter-order" value={filter.order} onChange={set('order')}>
          <option value="channel">{t('archive.filter.byChannel')}</option>
          <option value="newest">{t('archive.filter.newest')}</option>
          <option value="oldest">{t('archive.filter.oldest')}</option>
        </select>
      </div>
      <p className="filter-count" role="status">
        {t('archive.filter.shown', { shown, count: snapshots.length })}
        {changed && <> <button type="button" className="secondary" onClick={() => onChange(NO_FILTER)}>{t('archive.filter.clear')}</button></>}
      </p>
    </fieldset>
  );
}
