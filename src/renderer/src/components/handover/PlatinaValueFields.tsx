import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatinaChoices, PlatinaReference, PlatinaReferenceList, PlatinaSettings } from '../../../../shared/handover';
import { api } from '../../api';
import { ErrorNotice } from '../common/ErrorNotice';

type Value = 'statusId' | 'caseTypeId' | 'businessCodeId' | 'pulLevel' | 'secrecyLevel' | 'deedTypeId' | 'deedStatusId' | 'deedPulLevel' | 'deedSecrecyLevel' | 'commentPulLevel';

/** Each value and the reference list it is chosen from; the case's only when Kanalarkiv makes the cases. */
const CASE_VALUES: Array<[Value, PlatinaReferenceList]> = [
  ['statusId', 'caseStatuses'], ['caseTypeId', 'caseTypes'], ['businessCodeId', 'businessCodes'], ['pulLevel', 'pulLevels'], ['secrecyLevel', 'secrecyLevels'],
];
const DEED_VALUES: Array<[Value, PlatinaReferenceList]> = [
  ['deedTypeId', 'deedTypes'], ['deedStatusId', 'deedStatuses'], ['deedPulLevel', 'pulLevels'], ['deedSecrecyLevel', 'secrecyLevels'], ['commentPulLevel', 'pulLevels'],
];

interface Props {
  platina: PlatinaSettings;
  signedIn: boolean;
  onChange: (platina: PlatinaSettings) => void;
}

/**
 * The diary and the case's and deed's values, chosen by name from the account's diaries and the
 * diary's reference lists; no ids to type, except for a list the customer's API does not answer.
 */
export function PlatinaValueFields({ platina, signedIn, onChange }: Props) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<PlatinaChoices | null>(null);
  const lists = choices?.lists ?? null;
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  async function load(diaryId: string) {
    setProblem(null);
    setLoading(true);
    try {
      setChoices(await api.getPlatinaChoices(diaryId));
    } catch (error) {
      setProblem(error);
    } finally {
      setLoading(false);
    }
  }

  const options = (list: PlatinaReferenceList, current: string): PlatinaReference[] => {
    const loaded = lists?.[list] ?? [];
    // A value chosen earlier stays visible, by id, until the lists are read.
    return current && !loaded.some((r) => r.id === current) ? [...loaded, { id: current, name: t('handover.platina.byId', { id: current }) }] : loaded;
  };
  const select = ([value, list]: [Value, PlatinaReferenceList]) => (
    <div className="field" key={value}>
      <label htmlFor={`hs-platina.${value}`}>{t(`handover.settings.platina.${value}`)}</label>
      {lists && lists[list] === null ? (
        // The customer's API does not answer with this list: the id is typed, as IT gives it.
        <>
          <input id={`hs-platina.${value}`} value={platina[value]} aria-describedby={`hs-platina.${value}-hint`} onChange={(e) => onChange({ ...platina, [value]: e.target.value.trim() })} />
          <small id={`hs-platina.${value}-hint`}>{t('handover.platina.listMissing')}</small>
        </>
      ) : (
        <select id={`hs-platina.${value}`} value={platina[value]} onChange={(e) => onChange({ ...platina, [value]: e.target.value })}>
          <option value="">{t(value === 'businessCodeId' ? 'handover.platina.none' : value === 'commentPulLevel' ? 'handover.platina.asDeed' : 'handover.platina.choose')}</option>
          {options(list, platina[value]).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      )}
    </div>
  );
  const originId = platina.origin ? String(platina.origin.id ?? '') : '';
  const secrecy = platina.secrecyLevel === '1' || platina.secrecyLevel === '2';

  return (
    <fieldset className="platina-values">
      <legend>{t('handover.platina.values')}</legend>
      <p>
        {signedIn ? t('handover.platina.valuesHint') : t('handover.platina.signInForValues')}{' '}
        <button type="button" className="secondary" onClick={() => void load(platina.diaryId)} disabled={!signedIn || loading}>{loading ? t('handover.platina.loading') : t('handover.platina.load')}</button>
      </p>
      <ErrorNotice error={problem} />
      <div className="grid">
        <div className="field">
          <label htmlFor="hs-platina.diaryId">{t('handover.settings.platina.diaryId')}</label>
          {choices ? (
            <select id="hs-platina.diaryId" value={platina.diaryId} onChange={(e) => { onChange({ ...platina, diaryId: e.target.value }); void load(e.target.value); }}>
              <option value="">{t('handover.platina.choose')}</option>
              {choices.diaries.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              {platina.diaryId && !choices.diaries.some((d) => d.id === platina.diaryId) && <option value={platina.diaryId}>{t('handover.platina.notYourDiary', { id: platina.diaryId })}</option>}
            </select>
          ) : (
            <input id="hs-platina.diaryId" value={platina.diaryId} onChange={(e) => onChange({ ...platina, diaryId: e.target.value.trim() })} />
          )}
        </div>
      </div>
      {platina.caseMode === 'per-round' && (
        <div className="grid">
          <div className="field">
            <label htmlFor="hs-platina.origin">{t('handover.settings.platina.origin')}</label>
            <select id="hs-platina.origin" value={originId} onChange={(e) => onChange({ ...platina, origin: options('origins', originId).find((r) => r.id === e.target.value) ?? null })}>
              <option value="">{t('handover.platina.choose')}</option>
              {options('origins', originId).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            </select>
          </div>
          {CASE_VALUES.map(select)}
          {secrecy && (
            <div className="field">
              <label htmlFor="hs-platina.confidentialParagraphIds">{t('handover.settings.platina.confidentialParagraphIds')}</label>
              <select id="hs-platina.confidentialParagraphIds" multiple value={platina.confidentialParagraphIds}
                onChange={(e) => onChange({ ...platina, confidentialParagraphIds: [...e.target.selectedOptions].map((o) => o.value) })}>
                {(lists?.confidentialParagraphs ?? platina.confidentialParagraphIds.map((id) => ({ id, name: t('handover.platina.byId', { id }) }))).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
              </select>
            </div>
          )}
        </div>
      )}
      <div className="grid">{DEED_VALUES.map(select)}</div>
    </fieldset>
  );
}
