import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureJobState } from '../../../shared/capture';
import { api } from '../api';
import { RoundOverview } from '../components/RoundOverview';
import { Thumbnail } from '../components/Thumbnail';
import { useApi } from '../hooks/useApi';
import { formatWarning } from '../format';
import { useCaptureJob } from '../hooks/useCaptureJob';
import { isMine, useMyName } from '../hooks/useMyName';
import { MineFilter } from '../components/channels/MineFilter';
import { ErrorNotice } from '../components/ErrorNotice';

/** The reasons the guidelines name for a snapshot; "regular" is the twice-yearly round. */
const REASONS = ['regular', 'change', 'event', 'closing', 'other'] as const;

function minutesLeft(ms: number | null): number | null {
  return ms === null ? null : Math.max(1, Math.round(ms / 60_000));
}

export function Capture() {
  const { t, i18n } = useTranslation();
  const register = useApi(() => api.listChannels(), []);
  const [onlyMine, setOnlyMine] = useState(false);
  const [myName, setMyName] = useMyName();
  const channels = (register.value ?? []).filter((c) => c.active && (!onlyMine || isMine(c, myName)));
  const [picked, setSelected] = useState<Set<string> | null>(null);
  // Every active channel until the user chooses.
  const selected = picked ?? new Set(channels.map((c) => c.id));
  // Only what is shown: a channel hidden by "Bara mina kanaler" is not captured unseen.
  const chosen = [...selected].filter((id) => channels.some((c) => c.id === id));
  const [reason, setReason] = useState<(typeof REASONS)[number]>('regular');
  const [detail, setDetail] = useState('');
  const [started, setStarted] = useState<CaptureJobState | null>(null);
  const job = useCaptureJob(started);
  const [problem, setProblem] = useState<unknown>(null);

  const reasonText = () => t(`capture.reasons.${reason}`) + (detail.trim() ? `: ${detail.trim()}` : '');

  async function start(ids: string[]) {
    setProblem(null);
    try {
      setStarted(await api.startCapture({ channelIds: ids, reason: reasonText() }));
    } catch (error) {
      setProblem(error);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void start(chosen);
  }

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  const running = job !== null && job.finishedAt === null;
  const failed = job?.finishedAt ? job.channels.filter((c) => c.result?.status === 'failed') : [];
  const left = minutesLeft(job?.remainingMs ?? null);

  return (
    <section aria-labelledby="capture-heading">
      <h2 id="capture-heading">{t('capture.heading')}</h2>
      <RoundOverview refresh={job?.finishedAt} onPickDue={(ids) => setSelected(new Set(ids))} onPickClosing={(id) => { setOnlyMine(false); setSelected(new Set([id])); setReason('closing'); }} />
      <ErrorNotice error={register.error} />
      {!running && (
        <form onSubmit={submit}>
          <fieldset>
            <legend>{t('capture.channels')}</legend>
            <MineFilter id="capture-mine" only={onlyMine} onOnly={(only) => { setOnlyMine(only); setSelected(null); }} name={myName} onName={setMyName} />
            {channels.length === 0 && <p>{t('capture.noChannels')}</p>}
            {channels.length > 0 && (
              <p>
                <button type="button" className="secondary" onClick={() => setSelected(new Set(channels.map((c) => c.id)))}>{t('capture.all')}</button>{' '}
                <button type="button" className="secondary" onClick={() => setSelected(new Set())}>{t('capture.none')}</button>
              </p>
            )}
            <ul className="choices">
              {channels.map((c) => (
                <li key={c.id}>
                  <input type="checkbox" id={`pick-${c.id}`} checked={selected.has(c.id)} onChange={() => toggle(c.id)} />
                  <label htmlFor={`pick-${c.id}`}>{c.name} <span className="muted">({t(`platform.${c.platform}`)}, {c.unit})</span></label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="grid">
            <div className="field">
              <label htmlFor="capture-reason">{t('capture.reason')}</label>
              <select id="capture-reason" value={reason} onChange={(e) => setReason(e.target.value as (typeof REASONS)[number])}>
                {REASONS.map((r) => <option key={r} value={r}>{t(`capture.reasons.${r}`)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="capture-detail">{t('capture.detail')}</label>
              <input id="capture-detail" value={detail} onChange={(e) => setDetail(e.target.value)} />
            </div>
          </div>
          <button type="submit" disabled={chosen.length === 0}>{t('capture.start', { count: chosen.length })}</button>
          <ErrorNotice error={problem} />
        </form>
      )}

      {job && (
        <div className="job" aria-live="polite">
          <h3>{job.finishedAt ? (job.cancelled ? t('capture.cancelled') : t('capture.finished')) : t('capture.running')}</h3>
          <label htmlFor="overall">{t('capture.overall', { percent: job.percent })}{running && left !== null ? ` – ${t('capture.minutesLeft', { count: left })}` : ''}</label>
          <progress id="overall" max={100} value={job.percent} />
          {running && <p><button type="button" onClick={() => void api.cancelCapture(job.jobId).catch((error) => setProblem(error))}>{t('capture.cancel')}</button></p>}
          <ul className="progress-list">
            {job.channels.map((c) => (
              <li key={c.channelId} className={c.result?.status ?? ''}>
                <div className="progress-head">
                  <strong>{c.name}</strong>
                  <span>{t(`stage.${c.stage}`)}{c.attempt > 1 ? ` (${t('capture.attempt', { n: c.attempt })})` : ''}</span>
                </div>
                <progress max={100} value={c.percent} aria-label={t('capture.channelProgress', { name: c.name })} />
                {c.result?.status === 'ok' && c.ref && (
                  <div className="result">
                    <Thumbnail snapshot={c.ref} alt={t('capture.thumbAlt', { name: c.name })} width={160} />
                    {c.result.warnings.length > 0 && <ul className="warnings">{c.result.warnings.map((w) => <li key={w.text}>{formatWarning(w, i18n.language)}</li>)}</ul>}
                  </div>
                )}
                {c.result?.status === 'failed' && c.result.error && (
                  <p className="error">{t(`captureError.${c.result.error.code}`, { platform: t(`platform.${c.platform}`) })}</p>
                )}
              </li>
            ))}
          </ul>
          {failed.length > 0 && (
            <button type="button" onClick={() => void start(failed.map((c) => c.channelId))}>{t('capture.retry', { count: failed.length })}</button>
          )}
          {running && <ErrorNotice error={problem} />}
        </div>
      )}
    </section>
  );
}
