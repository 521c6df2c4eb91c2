import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureJobState } from '../../../shared/capture';
import { COMMENT_REASONS } from '../../../shared/comment';
import { api } from '../api';
import { HandOverNow } from '../components/comment/HandOverNow';
import { Thumbnail } from '../components/common/Thumbnail';
import { formatWarning } from '../format';
import { useApi } from '../hooks/useApi';
import { useCaptureJob } from '../hooks/useCaptureJob';
import { ErrorNotice } from '../components/common/ErrorNotice';

/**
 * The page owner's weekly task: before a comment is removed (or to register an opinion), save it
 * with its author, the reason and an explanation as a record, then hand it to the registrar.
 */
export function SaveComment() {
  const { t, i18n } = useTranslation();
  const register = useApi(() => api.listChannels(), []);
  const reasons = useApi(() => api.listCommentReasons(), []);
  const channels = register.value ?? [];
  const [channelId, setChannelId] = useState('');
  const [url, setUrl] = useState('');
  const [reason, setReason] = useState('hot');
  const [note, setNote] = useState('');
  const [savedBy, setSavedBy] = useState('');
  const [selector, setSelector] = useState('');
  const [answer, setAnswer] = useState('');
  const [started, setStarted] = useState<CaptureJobState | null>(null);
  const job = useCaptureJob(started);
  const [problem, setProblem] = useState<unknown>(null);
  const chosen = channelId || channels[0]?.id || '';
  const english = i18n.language.startsWith('en');

  async function submit(event: FormEvent, pick = false) {
    event.preventDefault();
    setProblem(null);
    try {
      setStarted(await api.saveComment({ channelId: chosen, url: url.trim(), reason, note, savedBy, selector: selector.trim() || undefined, answer: answer.trim() || undefined, pick }));
    } catch (error) {
      setProblem(error);
    }
  }

  const running = job !== null && job.finishedAt === null;
  const result = job?.channels[0];

  return (
    <section aria-labelledby="comment-heading">
      <h2 id="comment-heading">{t('comment.heading')}</h2>
      <p>{t('comment.intro')}</p>
      <ErrorNotice error={register.error} />
      {register.value !== null && channels.length === 0 && <p>{t('comment.noChannels')}</p>}
      {channels.length > 0 && (
        <form onSubmit={(e) => void submit(e)} aria-labelledby="comment-heading">
          <div className="grid">
            <div className="field">
              <label htmlFor="comment-channel">{t('comment.channel')}</label>
              <select id="comment-channel" value={chosen} onChange={(e) => setChannelId(e.target.value)}>
                {channels.map((c) => <option key={c.id} value={c.id}>{`${c.name} (${t(`platform.${c.platform}`)})`}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="comment-url">{t('comment.url')}</label>
              <input id="comment-url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} aria-describedby="comment-url-hint" />
              <small id="comment-url-hint">{t('comment.urlHint')}</small>
            </div>
            <div className="field">
              <label htmlFor="comment-reason">{t('comment.reason')}</label>
              <select id="comment-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
                {(reasons.value ?? COMMENT_REASONS.map((r) => ({ ...r, own: false }))).map((r) => <option key={r.code} value={r.code}>{english ? r.en : r.sv}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="comment-note">{t('comment.note')}</label>
              <textarea id="comment-note" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
            </div>
            {reason === 'synpunkt' && (
              <div className="field">
                <label htmlFor="comment-answer">{t('comment.answer')}</label>
                <input id="comment-answer" type="url" value={answer} onChange={(e) => setAnswer(e.target.value)} aria-describedby="comment-answer-hint" />
                <small id="comment-answer-hint">{t('comment.answerHint')}</small>
              </div>
            )}
            <div className="field">
              <label htmlFor="comment-by">{t('comment.savedBy')}</label>
              <input id="comment-by" value={savedBy} onChange={(e) => setSavedBy(e.target.value)} required autoComplete="name" />
            </div>
            <div className="field">
              <label htmlFor="comment-selector">{t('comment.selector')}</label>
              <input id="comment-selector" value={selector} onChange={(e) => setSelector(e.target.value)} aria-describedby="comment-selector-hint" />
              <small id="comment-selector-hint">{t('comment.selectorHint')}</small>
            </div>
          </div>
          <button type="submit" disabled={running}>{running ? t('comment.saving') : t('comment.save')}</button>{' '}
          <button type="button" className="secondary" disabled={running} onClick={(e) => void submit(e, true)} aria-describedby="comment-pick-hint">{t('comment.pick')}</button>
          <small id="comment-pick-hint"> {t('comment.pickHint')}</small>
          <ErrorNotice error={problem} />
        </form>
      )}
      {result && (
        <div className="job" aria-live="polite">
          <label htmlFor="comment-progress">{t(`stage.${result.stage}`)}</label>
          <progress id="comment-progress" max={100} value={result.percent} />
          {result.result?.status === 'ok' && result.ref && (
            <div className="result">
              <p role="status" className="notice">{reason === 'synpunkt' ? t('comment.savedToRegister') : t('comment.saved')}</p>
              <Thumbnail snapshot={result.ref} alt={t('comment.thumbAlt', { name: result.name })} width={240} />
              {result.result.warnings.length > 0 && <ul className="warnings">{result.result.warnings.map((w) => <li key={w.text}>{formatWarning(w, i18n.language)}</li>)}</ul>}
            </div>
          )}
          {result.result?.status === 'ok' && result.ref && <HandOverNow record={result.ref} by={savedBy} />}
          {result.result?.status === 'failed' && result.result.error && (
            <p className="error" role="alert">{t(`captureError.${result.result.error.code}`, { platform: t(`platform.${result.platform}`) })}</p>
          )}
        </div>
      )}
    </section>
  );
}
