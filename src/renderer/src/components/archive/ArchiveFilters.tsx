import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../../../shared/archive';
import { roundTitle } from '../../../../shared/rounds';
import { filterChoices, NO_FILTER, NO_ROUND, type ArchiveFilter } from './filter';

/** One filter: a labelled list whose first choice is "Alla" (''), unless `all` is false. */
function Choice({ id, label, value, options, onChange, all = true }: { id: string; label: string; value: string; options: Array<[string, string]>; onChange: (value: string) => void; all?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {all && <option value="">{t('archive.filter.all')}</option>}
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </div>
  );
}

/** The archive list's filters and order; every choice applies at once. */
export function ArchiveFilters({ snapshots, filter, onChange, shown }: { snapshots: SnapshotSummary[]; filter: ArchiveFilter; onChange: (next: ArchiveFilter) => void; shown: number }) {
  const { t } = useTranslation();
  const choices = filterChoices(snapshots);
  const set = <K extends keyof ArchiveFilter>(key: K) => (value: string) => onChange({ ...filter, [key]: value as ArchiveFilter[K] });
  const changed = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  const same = (values: string[]): Array<[string, string]> => values.map((v) => [v, v]);
  return (
    <fieldset className="filters">
      <legend>{t('archive.filter.heading')}</legend>
      <Choice id="filter-channel" label={t('archive.filter.channel')} value={filter.channel} onChange={set('channel')} options={choices.channels} />
      <Choice id="filter-unit" label={t('archive.filter.unit')} value={filter.unit} onChange={set('unit')} options={same(choices.units)} />
      <Choice id="filter-platform" label={t('archive.filter.platform')} value={filter.platform} onChange={set('platform')} options={choices.platforms.map((p) => [p, t(`platform.${p}`)])} />
      <Choice id="filter-round" label={t('archive.filter.round')} value={filter.round} onChange={set('round')}
        options={[...choices.rounds.map((r): [string, string] => [r, roundTitle(r, t)]), ...(choices.outsideRounds ? [[NO_ROUND, t('handover.noRound')] as [string, string]] : [])]} />
      <Choice id="filter-kind" label={t('archive.filter.kind')} value={filter.kind} onChange={set('kind')} options={[['snapshot', t('archive.filter.snapshots')], ['comment', t('archive.filter.comments')]]} />
      <div className="field">
        <label htmlFor="filter-from">{t('archive.filter.from')}</label>
        <input id="filter-from" type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => set('from')(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">{t('archive.filter.to')}</label>
        <input id="filter-to" type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => set('to')(e.target.value)} />
      </div>
      <Choice id="filter-order" label={t('archive.filter.order')} value={filter.order} onChange={set('order')} all={false}
        options={[['channel', t('archive.filter.byChannel')], ['newest', t('archive.filter.newest')], ['oldest', t('archive.filter.oldest')]]} />
      <p className="filter-count" role="status">
        {t('archive.filter.shown', { shown, count: snapshots.length })}
        {changed && <> <button type="button" className="secondary" onClick={() => onChange(NO_FILTER)}>{t('archive.filter.clear')}</button></>}
      </p>
    </fieldset>
  );
}
