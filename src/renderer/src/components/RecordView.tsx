import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotRef } from '../../../shared/archive';
import { warningsOf } from '../../../shared/snapshot';
import { formatWarning } from '../format';
import { formatDateTime } from '../../../shared/dates';
import { api } from '../api';
import { useApi } from '../hooks/useApi';
import { ErrorNotice } from './ErrorNotice';

/** A snapshot's record: its metadata, its pages, and the PDF opened in a window of its own. */
export function RecordView({ snapshot, others, onCompare, onBack }: { snapshot: SnapshotRef; others: Array<{ ref: SnapshotRef; takenAt: string }>; onCompare: (other: SnapshotRef) => void; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const [other, setOther] = useState(others[0]?.ref);
  const [problem, setProblem] = useState<unknown>(null);
  const record = useApi(async () => ({ meta: await api.getSnapshot(snapshot), pages: [await api.getPageImage(snapshot, 0)] }), [snapshot]);
  if (record.error) return <ErrorNotice error={record.error} />;
  if (!record.value) return <p>{t('loading')}</p>;
  const { meta, pages } = record.value;
  const { capture, channel } = meta;

  return (
    <section aria-labelledby="record-heading">
      <p><button type="button" className="secondary" onClick={onBack}>{t('record.back')}</button></p>
      <h3 id="record-heading">{channel.name}, {formatDateTime(capture.startedAt, i18n.language)}</h3>
      <div className="record">
        <dl>
          <dt>{t('channel.platform')}</dt><dd>{t(`platform.${channel.platform}`)}</dd>
          <dt>{t('channel.unit')}</dt><dd>{channel.unit}</dd>
          <dt>{t('channel.url')}</dt><dd className="url">{capture.requestedUrl}</dd>
          <dt>{t('record.reason')}</dt><dd>{meta.reason}</dd>
          <dt>{t('record.browser')}</dt><dd>{capture.browser.name} {capture.browser.version}</dd>
          <dt>{t('profile.heading')}</dt><dd>{capture.profileVersion}</dd>
          <dt>{t('record.height')}</dt><dd>{t('record.heightValue', { px: capture.pageHeight.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE'), count: meta.pages.length })}</dd>
          <dt>{t('record.warnings')}</dt><dd>{capture.warnings.length ? <ul className="warnings">{warningsOf(capture).map((w) => <li key={w.text}>{formatWarning(w, i18n.language)}</li>)}</ul> : t('record.none')}</dd>
        </dl>
        <div className="actions">
          <button type="button" onClick={() => void api.openRecordPdf(snapshot).catch((error) => setProblem(error))}>{t('record.openPdf')}</button>
          <ErrorNotice error={problem} />
          {others.length > 0 && (
            <div className="field">
              <label htmlFor="compare-with">{t('record.compareWith')}</label>
              <select id="compare-with" value={other} onChange={(e) => setOther(others.find((o) => o.ref === e.target.value)?.ref)}>
                {others.map((o) => <option key={o.ref} value={o.ref}>{formatDateTime(o.takenAt, i18n.language)}</option>)}
              </select>
              <button type="button" onClick={() => other && onCompare(other)}>{t('record.compare')}</button>
            </div>
          )}
        </div>
      </div>
      <h4>{t('record.firstPage')}</h4>
      {pages.map((src, i) => <img key={i} className="page" src={src} alt={t('record.pageAlt', { n: i + 1, name: channel.name })} />)}
    </section>
  );
}
