import { useTranslation } from 'react-i18next';
import type { BagReport } from '../../../../shared/archive';
import { formatDateTime } from '../../../../shared/dates';
import { damagedRecordName, problemText, restoreText } from '../../../../shared/fixity';

/** One damaged record of a fixity check: which channel and when, what is wrong in plain words, what to do; the files behind "Visa detaljer". */
export function DamagedRecord({ report }: { report: BagReport }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="damaged">
      <strong>{damagedRecordName(report, (iso) => formatDateTime(iso, i18n.language))}</strong>
      <ul>{report.problems.map((p) => <li key={p.kind + p.file}>{problemText(t, p)}</li>)}</ul>
      <p>{restoreText(t, report)}</p>
      <details>
        <summary>{t('error.details')}</summary>
        <ul lang="en">{report.problems.map((p) => <li key={p.kind + p.file}><code>{report.bag}/{p.file}</code>: {p.detail}</li>)}</ul>
      </details>
    </div>
  );
}
