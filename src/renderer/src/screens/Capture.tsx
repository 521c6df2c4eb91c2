import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureJobState } from '../../../shared/capture';
import type { LoginState, Platform } from '../../../shared/channel';
import { roundTitle, type RoundOverview as Overview } from '../../../shared/rounds';
import { api } from '../api';
import { CaptureJobView } from '../components/capture/CaptureJobView';
import { MineFilter } from '../components/channels/MineFilter';
import { ConfirmDialog } from '../components/common/ConfirmDialog';
import { ErrorNotice } from '../components/common/ErrorNotice';
import { RoundOverview } from '../components/capture/RoundOverview';
import { useApi } from '../hooks/useApi';
import { useCaptureJob } from '../hooks/useCaptureJob';
import { isMine, useMyName } from '../hooks/useMyName';

/** The reasons the guidelines name for a snapshot; "regular" is the twice-yearly round. */
const REASONS = ['regular', 'change', 'event', 'closing', 'other'] as const;

export function Capture() {
  const { t } = useTranslation();
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
  // The run lives in main: coming back to this screen shows it again, running or finished.
  const current = useApi(() => api.getCurrentCapture(), []);
  const [started, setStarted] = useState<CaptureJobState | null>(null);
  // A finished run's end leaves the selection empty: the round overview offers what is still due.
  const job = useCaptureJob(started ?? current.value, () => setSelected(new Set()));
  const [dismissed, setDismissed] = useState<string | null>(null);
  const shownJob = job && job.jobId !== dismissed ? job : null;
  const [problem, setProblem] = useState<unknown>(null);
  const [overview, setOverview] = useState<Overview | null>(null);
  const onOverview = useCallback((o: Overview) => setOverview(o), []);
  const logins = useApi(() => api.getLoginStatus(), []);
  const [loginState, setLoginState] = useState<Record<Platform, LoginState> | null>(null);
  const [loggingIn, setLoggingIn] = useState<Platform | null>(null);
  useEffect(() => setLoginState(logins.value), [logins.value]);
  const cancelDialog = useRef<HTMLDialogElement>(null);
  const againDialog = useRef<HTMLDialogElement>(null);

  const reasonText = () => t(`capture.reasons.${reason}`) + (detail.trim() ? `: ${detail.trim()}` : '');
  const captured = new Set(overview?.units.flatMap((u) => u.captured.map((c) => c.id)) ?? []);
  // A round's capture of a channel that already has its snapshot in the round is most likely a mistake.
  const already = reason === 'regular' ? channels.filter((c) => chosen.includes(c.id) && captured.has(c.id)) : [];

  async function start(ids: string[]) {
    againDialog.current?.close();
    setProblem(null);
    try {
      setStarted(await api.startCapture({ channelIds: ids, reason: reasonText() }));
      setDismissed(null);
    } catch (error) {
      setProblem(error);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (already.length > 0) againDialog.current?.showModal();
    else void start(chosen);
  }

  async function cancel() {
    cancelDialog.current?.close();
    if (!job) return;
    await api.cancelCapture(job.jobId).catch(setProblem);
  }

  async function dismiss() {
    if (!job) return;
    setDismissed(job.jobId);
    setStarted(null);
    await api.dismissCapture(job.jobId).catch(setProblem);
  }

  async function logIn(platform: Platform) {
    setLoggingIn(platform);
    try {
      setLoginState(await api.openLogin(platform));
    } catch (error) {
      setProblem(error);
    } finally {
      setLoggingIn(null);
    }
  }

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  const running = shownJob !== null && shownJob.finishedAt === null;

  return (
    <section aria-labelledby="capture-heading">
      <h2 id="capture-heading">{t('capture.heading')}</h2>
      <RoundOverview refresh={job?.finishedAt} onOverview={onOverview} onPickDue={(ids) => setSelected(new Set(ids))} onPickClosing={(id) => { setOnlyMine(false); setSelected(new Set([id])); setReason('closing'); }} />
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
                  <label htmlFor={`pick-${c.id}`}>{c.name} <span className="muted">({t(`platform.${c.platform}`)}, {c.unit}){captured.has(c.id) ? ` – ${t('capture.hasSnapshot')}` : ''}</span></label>
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
          {!shownJob && <ErrorNotice error={problem} />}
        </form>
      )}

      {shownJob && (
        <CaptureJobView job={shownJob} logins={loginState} loggingIn={loggingIn} problem={problem}
          onCancel={() => cancelDialog.current?.showModal()} onRetry={(ids) => void start(ids)} onLogIn={(p) => void logIn(p)} onDismiss={() => void dismiss()} />
      )}

      <ConfirmDialog dialog={cancelDialog} id="cancel" title={t('capture.cancelTitle')} text={t('capture.cancelText')} confirm={t('capture.cancelConfirm')} keep={t('capture.cancelKeepGoing')} onConfirm={() => void cancel()} />

      <dialog ref={againDialog} aria-labelledby="again-title">
        <h3 id="again-title">{t('capture.againTitle', { count: already.length })}</h3>
        <p>{t('capture.againText', { count: already.length, round: overview ? roundTitle(overview.round.name, t) : '', names: already.map((c) => c.name).join(', ') })}</p>
        <div className="buttons">
          {chosen.length > already.length && <button type="button" onClick={() => void start(chosen.filter((id) => !captured.has(id)))}>{t('capture.againOnlyDue', { count: chosen.length - already.length })}</button>}
          <button type="button" className="secondary" onClick={() => void start(chosen)}>{t('capture.againAll', { count: chosen.length })}</button>
          <button type="button" className="secondary" onClick={() => againDialog.current?.close()}>{t('channels.closingCancel')}</button>
        </div>
      </dialog>
    </section>
  );
}
