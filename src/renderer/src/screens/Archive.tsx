import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Compare } from '../components/archive/Compare';
import { RecordView } from '../components/archive/RecordView';
import { RemovalCheck } from '../components/archive/RemovalCheck';
import { ArchiveFilters } from '../components/archive/ArchiveFilters';
import { filterSnapshots, NO_FILTER, type ArchiveFilter } from '../components/archive/filter';
import { SearchHitItem } from '../components/archive/SearchHitItem';
import { SnapshotItem } from '../components/archive/SnapshotItem';
import { formatDateTime, sharingADay } from '../../../shared/dates';
import type { ArchiveReport, SearchHit, SnapshotRef, SnapshotSummary, WordBox } from '../../../shared/archive';
import { api } from '../api';
import { useApi } from '../hooks/useApi';
import { ErrorNotice } from '../components/common/ErrorNotice';
import { DamagedRecord } from '../components/archive/DamagedRecord';

/** The archive: search, check and read the records; `onCapture` leads an empty archive to its first capture. */
export function Archive({ onCapture }: { onCapture?: () => void }) {
  const { t, i18n } = useTranslation();
  const { value: catalogue, error } = useApi(() => api.listSnapshots(), []);
  const [problem, setProblem] = useState<unknown>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [report, setReport] = useState<ArchiveReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [reportFile, setReportFile] = useState<string | null>(null);
  const [filter, setFilter] = useState<ArchiveFilter>(NO_FILTER);
  const [view, setView] = useState<{ record: SnapshotRef; at?: WordBox } | { a: SnapshotRef; b: SnapshotRef; from: SnapshotRef } | null>(null);
  // The record last opened: closing it gives the focus back to its "Visa" button, where the keyboard user left.
  const opened = useRef<SnapshotRef | null>(null);
  useEffect(() => {
    if (view === null && opened.current) document.querySelector<HTMLButtonElement>(`[data-open="${CSS.escape(opened.current)}"]`)?.focus();
  }, [view]);
  const open = (record: SnapshotRef, at?: WordBox) => {
    opened.current = record;
    setView({ record, at });
  };

  async function search(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    try {
      setHits(await api.searchArchive(query));
    } catch (failure) {
      setProblem(failure);
    }
  }

  async function saveReport() {
    setProblem(null);
    try {
      setReportFile(await api.saveFixityReport());
    } catch (failure) {
      setProblem(failure);
    }
  }

  async function verify() {
    setChecking(true);
    setProblem(null);
    try {
      setReport(await api.verifyArchive());
      setReportFile(null);
    } catch (failure) {
      setProblem(failure);
    } finally {
      setChecking(false);
    }
  }

  const shown = catalogue ? filterSnapshots(catalogue.snapshots, filter) : [];
  const byChannel = new Map<string, SnapshotSummary[]>();
  for (const s of shown) byChannel.set(s.channelId, [...(byChannel.get(s.channelId) ?? []), s]);
  const damaged = report?.bags.filter((b) => b.problems.length > 0) ?? [];
  const damagedRefs = new Set(damaged.map((b) => b.bag));
  const withSeconds = sharingADay(catalogue?.snapshots ?? []);

  if (view && 'a' in view) return <Compare a={view.a} b={view.b} onBack={() => setView({ record: view.from })} />;
  if (view && 'record' in view) {
    const shown = catalogue?.snapshots.find((s) => s.ref === view.record);
    const others = (catalogue?.snapshots ?? []).filter((s) => s.channelId === shown?.channelId && s.ref !== view.record && s.kind === shown?.kind);
    const takenAt = (ref: SnapshotRef) => catalogue?.snapshots.find((s) => s.ref === ref)?.takenAt ?? '';
    // The older of the two is always on the left, whichever was opened first.
    const compare = (other: SnapshotRef) => setView(takenAt(other) < takenAt(view.record) ? { a: other, b: view.record, from: view.record } : { a: view.record, b: other, from: view.record });
    return <RecordView snapshot={view.record} at={view.at} others={others} onCompare={compare} onBack={() => setView(null)} />;
  }

  return (
    <section aria-labelledby="archive-heading">
      <h2 id="archive-heading">{t('archive.heading')}</h2>
      <div className="toolbar">
        <form role="search" onSubmit={(e) => void search(e)}>
          <label htmlFor="archive-search">{t('archive.search')}</label>
          <input id="archive-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          <button type="submit">{t('archive.searchButton')}</button>
        </form>
        <button type="button" onClick={() => void verify()} disabled={checking}>{checking ? t('archive.checking') : t('archive.verify')}</button>
      </div>

      <ErrorNotice error={problem} />
      {report && (
        <div role="status" className={damaged.length || report.log.length ? 'report bad' : 'report good'}>
          <p>{t('archive.verified', { intact: report.bags.length - damaged.length, total: report.bags.length })}</p>
          <p>{t('archive.inventory', { count: report.inventory.expected, present: report.inventory.present })}</p>
          {report.inventory.built !== null && <p>{t('archive.inventoryBuilt', { count: report.inventory.built })}</p>}
          {report.logRemnant && <p>{t('archive.logRemnant')}</p>}
          {report.logStamps.latest && <p>{t('archive.logStamps', { count: report.logStamps.count, seq: report.logStamps.latest.seq, at: formatDateTime(report.logStamps.latest.at, i18n.language, true) })}</p>}
          {report.log.length > 0 && (
            <div>
              <strong>{t('archive.logDamaged')}</strong>
              <ul>{report.log.map((p) => <li key={`${p.line}-${p.kind}`}>{t(`archive.logProblem.${p.kind}`, { line: p.line })}</li>)}</ul>
            </div>
          )}
          {damaged.map((b) => <DamagedRecord key={b.bag} report={b} />)}
          <p>
            <button type="button" className="secondary" onClick={() => void saveReport()}>{t('archive.saveReport')}</button>
            {reportFile && <span> {t('archive.reportSaved', { file: reportFile })}</span>}
          </p>
        </div>
      )}

      {hits && (
        <div aria-live="polite">
          <h3>{t('archive.hits', { count: hits.length, query })}</h3>
          <ul className="hits">
            {hits.map((h) => <SearchHitItem key={h.ref} hit={h} onOpen={(at) => open(h.ref, at)} />)}
          </ul>
        </div>
      )}

      {error ? (
        <ErrorNotice error={error} />
      ) : catalogue === null ? (
        <p>{t('loading')}</p>
      ) : catalogue.snapshots.length === 0 ? (
        <p>{t('archive.empty')} {onCapture && <button type="button" className="secondary" onClick={onCapture}>{t('nav.capture')}</button>}</p>
      ) : (
        <>
          <ArchiveFilters snapshots={catalogue.snapshots} filter={filter} onChange={setFilter} shown={shown.length} />
          {shown.length === 0 && <p className="notice">{t('archive.filter.none')}</p>}
          {filter.order !== 'channel' ? (
            <ol className="records" aria-label={t('archive.filter.heading')}>
              {shown.map((s) => <SnapshotItem key={s.ref} snapshot={s} damaged={damagedRefs.has(s.ref)} seconds={withSeconds(s)} withChannel onOpen={() => open(s.ref)} />)}
            </ol>
          ) : (
            [...byChannel].map(([channelId, records]) => {
              const snapshots = records.filter((s) => s.kind === 'snapshot');
              const comments = records.filter((s) => s.kind === 'comment');
              const item = (s: SnapshotSummary) => <SnapshotItem key={s.ref} snapshot={s} damaged={damagedRefs.has(s.ref)} seconds={withSeconds(s)} onOpen={() => open(s.ref)} />;
              return (
                <section key={channelId} aria-labelledby={`timeline-${channelId}`} className="timeline">
                  <h3 id={`timeline-${channelId}`}>{records[0]!.channelName} <small>{t(`platform.${records[0]!.platform}`)} · {records[0]!.unit}</small></h3>
                  {snapshots.length > 0 && <ol aria-label={t('archive.snapshotsOf', { name: records[0]!.channelName })}>{snapshots.map(item)}</ol>}
                  {comments.length > 0 && (
                    <>
                      <h4 id={`comments-${channelId}`}>{t('archive.comments', { count: comments.length })}</h4>
                      <ol aria-labelledby={`comments-${channelId}`}>{comments.map(item)}</ol>
                      <RemovalCheck refs={comments.map((s) => s.ref)} channelId={channelId} />
                    </>
                  )}
                </section>
              );
            })
          )}
        </>
      )}
    </section>
  );
}
