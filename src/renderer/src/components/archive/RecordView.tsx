import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BagReport, RecordStamp, SnapshotRef, WordBox } from '../../../../shared/archive';
import { formatDateTime } from '../../../../shared/dates';
import { roundTitle } from '../../../../shared/rounds';
import { warningsOf } from '../../../../shared/snapshot';
import { formatWarning } from '../../format';
import { api } from '../../api';
import { useApi } from '../../hooks/useApi';
import { DamagedRecord } from './DamagedRecord';
import { ErrorNotice } from '../common/ErrorNotice';
import { LazyPage } from './LazyPage';
import { StampText } from './StampText';

/**
 * A record: whose it is, when, why and how it was made, whether it is unchanged since it was
 * archived, and every page, each loaded when scrolled to. The heading takes the focus on opening,
 * so a keyboard or screen-reader user starts at the record.
 */
export function RecordView({ snapshot, at, others, onCompare, onBack }: { snapshot: SnapshotRef; at?: WordBox; others: Array<{ ref: SnapshotRef; takenAt: string }>; onCompare: (other: SnapshotRef) => void; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const [other, setOther] = useState(others[0]?.ref);
  const [problem, setProblem] = useState<unknown>(null);
  const [fixity, setFixity] = useState<BagReport | 'intact' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const record = useApi(() => api.getSnapshot(snapshot), [snapshot]);
  const [stamp, setStamp] = useState<RecordStamp | null | 'checking'>('checking');
  useEffect(() => {
    setFixity(null);
    setStamp('checking');
    void api.checkRecords([snapshot]).then((damaged) => setFixity(damaged[0] ?? 'intact'), setProblem);
    void api.getStamp(snapshot).then(setStamp, setProblem);
  }, [snapshot]);
  const ready = record.value !== null;
  useEffect(() => {
    if (!ready) return;
    // Opened from a search hit: the focus starts at the record, the view at the hit.
    heading.current?.focus({ preventScroll: Boolean(at) });
    if (at) document.querySelector('.hit-mark')?.scrollIntoView({ block: 'center' });
  }, [ready, at]);
  if (record.error) return <ErrorNotice error={record.error} />;
  if (!record.value) return <p>{t('loading')}</p>;
  const meta = record.value;
  const { capture, channel } = meta;
  // The screenshot piece the search hit is on: its top lies within the piece's rows.
  const hitPiece = at ? meta.pages.findIndex((p) => at.y >= p.top && at.y < p.top + p.height) : -1;
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE');

  return (
    <section aria-labelledby="record-heading">
      <p><button type="button" className="secondary" onClick={onBack}>{t('record.back')}</button></p>
      <h3 id="record-heading" ref={heading} tabIndex={-1}>{channel.name}, {formatDateTime(capture.startedAt, i18n.language, true)}</h3>
      <div className="record">
        <dl>
          <dt>{t('record.organisation')}</dt><dd>{meta.organisation || t('record.notGiven')}</dd>
          <dt>{t('channel.platform')}</dt><dd>{t(`platform.${channel.platform}`)}</dd>
          <dt>{t('channel.unit')}</dt><dd>{channel.unit}</dd>
          <dt>{t('record.pageOwner')}</dt><dd>{channel.pageOwner || t('record.notGiven')}</dd>
          <dt>{t('record.owners')}</dt><dd>{channel.owners.join(', ') || t('record.notGiven')}</dd>
          <dt>{t('channel.url')}</dt><dd className="url">{capture.requestedUrl}</dd>
          <dt>{t('record.reason')}</dt><dd>{meta.reason}</dd>
          <dt>{t('record.round')}</dt><dd>{meta.round ? roundTitle(meta.round, t) : t('handover.noRound')}</dd>
          <dt>{t('record.fixity')}</dt>
          <dd aria-live="polite">{fixity === null ? t('record.checking') : fixity === 'intact' ? <span className="good">{t('record.intact')}</span> : <DamagedRecord report={fixity} />}</dd>
          <dt>{t('record.stamp')}</dt>
          <dd aria-live="polite">{stamp === 'checking' ? t('record.checking') : <StampText stamp={stamp} />}</dd>
          <dt>{t('record.browser')}</dt><dd>{capture.browser.name} {capture.browser.version}</dd>
          <dt>{t('record.os')}</dt><dd>{capture.os.name ?? `${capture.os.platform} ${capture.os.release}`}</dd>
          <dt>{t('profile.heading')}</dt><dd>{capture.profileVersion}</dd>
          <dt>{t('record.height')}</dt><dd>{t('record.heightValue', { px: number(capture.pageHeight), count: meta.pages.length })}</dd>
          <dt>{t('record.warnings')}</dt><dd>{capture.warnings.length ? <ul className="warnings">{warningsOf(capture).map((w) => <li key={w.text}>{formatWarning(w, i18n.language)}</li>)}</ul> : t('record.none')}</dd>
          <dt>{t('record.identity')}</dt><dd><code>{meta.snapshotId}</code></dd>
        </dl>
        <div className="actions">
          <button type="button" onClick={() => void api.openRecordPdf(snapshot).catch((error) => setProblem(error))}>{t('record.openPdf')}</button>
          {meta.files.some((f) => f.role === 'web_copy') && (
            <button type="button" className="secondary" onClick={() => void api.openWebCopy(snapshot).catch((error) => setProblem(error))}>{t('record.openWebCopy')}</button>
          )}
          <ErrorNotice error={problem} />
          {others.length > 0 && (
            <div className="field">
              <label htmlFor="compare-with">{t('record.compareWith')}</label>
              <select id="compare-with" value={other} onChange={(e) => setOther(others.find((o) => o.ref === e.target.value)?.ref)}>
                {others.map((o) => <option key={o.ref} value={o.ref}>{formatDateTime(o.takenAt, i18n.language, true)}</option>)}
              </select>
              <button type="button" onClick={() => other && onCompare(other)}>{t('record.compare')}</button>
            </div>
          )}
        </div>
      </div>
      <h4>{t('record.pages', { count: meta.pages.length })}</h4>
      {hitPiece >= 0 && <p role="status">{t('record.hitShown', { n: hitPiece + 1 })}</p>}
      {meta.pages.map((piece, i) => (
        <LazyPage key={piece.file} snapshot={snapshot} index={i} width={piece.width} height={piece.height} alt={t('record.pageAlt', { n: i + 1, count: meta.pages.length, name: channel.name })}
          mark={i === hitPiece && at ? { ...at, y: at.y - piece.top } : undefined} />
      ))}
    </section>
  );
}
