import { useTranslation } from 'react-i18next';

/** "Bara mina kanaler": shows only the channels where the user is an owner, by the name they give once. */
export function MineFilter({ id, only, onOnly, name, onName }: { id: string; only: boolean; onOnly: (only: boolean) => void; name: string; onName: (name: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="mine">
      <span className="field checkbox">
        <input id={`${id}-only`} type="checkbox" checked={only} onChange={(e) => onOnly(e.target.checked)} />
        <label htmlFor={`${id}-only`}>{t('mine.only')}</label>
      </span>
      {only && (
        <span className="field">
          <label htmlFor={`${id}-name`}>{t('mine.name')}</label>
          <input id={`${id}-name`} value={name} onChange={(e) => onName(e.target.value)} aria-describedby={`${id}-hint`} />
          <small id={`${id}-hint`}>{t('mine.hint')}</small>
        </span>
      )}
    </div>
  );
}
