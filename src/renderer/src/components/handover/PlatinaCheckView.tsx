import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/dates';
import type { PlatinaCheck } from '../../../../shared/handover';

/** What "Kontrollera anslutningen" found, call by call, in the words the command line uses. */
export function PlatinaCheckView({ check }: { check: PlatinaCheck }) {
  const { t, i18n } = useTranslation();
  const label = (setting: string) => t(`handover.settings.platina.${setting}`);
  const verdict = !check.ready ? 'platinaCheck.notReady' : check.openApi ? 'platinaCheck.ready' : 'platinaCheck.readyUnchecked';
  return (
    <section className="platina-check" aria-labelledby="platina-check-heading">
      <h4 id="platina-check-heading">{t('platinaCheck.heading', { url: check.baseUrl, at: formatDateTime(check.at, i18n.language === 'en' ? 'en' : 'sv') })}</h4>
      <p role="status" className={check.ready ? 'ok' : 'problem'}><strong>{t(verdict)}</strong></p>
      <p>{t('platinaCheck.user', { name: check.user.name ?? '–', email: check.user.email ?? '–' })}</p>
      <p>{check.diary ? t('platinaCheck.diary', { id: check.diary.id, name: check.diary.name }) : t('platinaCheck.noDiary')}</p>
      <p>{check.openApi ? t('platinaCheck.openApi', { url: check.openApi }) : t('platinaCheck.noOpenApi', { tried: check.tried.join(', ') })}</p>
      {check.calls.length > 0 && (
        <ul className="calls">
          {check.calls.map((call) => {
            const problems = call.fields.filter((f) => f.problem !== null);
            const bad = !call.found || problems.length > 0;
            const state = !call.found ? (call.required ? 'platinaCheck.callMissing' : 'platinaCheck.callMissingOptional') : problems.length > 0 ? 'platinaCheck.callDiffers' : 'platinaCheck.callFound';
            return (
              <li key={call.id} className={bad ? (call.required ? 'problem' : 'warning') : 'ok'}>
                <span aria-hidden="true">{bad ? (call.required ? '✗' : '!') : '✓'} </span>
                <code>{call.method} {call.path}</code>: {t(`platinaCheck.call.${call.id}`)}. {t(state)}
                {problems.length > 0 && <ul>{problems.map((f) => <li key={`${f.where}-${f.name}`}>{t(`platinaCheck.field.${f.problem}`, { name: f.name, expected: f.expected ?? '', found: f.found ?? '' })}</li>)}</ul>}
              </li>
            );
          })}
        </ul>
      )}
      {check.missingValues.length > 0 && <p className="problem">{t('platinaCheck.missingValues', { values: check.missingValues.map(label).join(', ') })}</p>}
      {check.unknownValues.map((v) => <p key={`${v.setting}-${v.id}`} className="problem">{t('platinaCheck.unknownValue', { setting: label(v.setting), id: v.id })}</p>)}
    </section>
  );
}
