import { useTranslation } from 'react-i18next';
import type { CaptureJobState, ChannelProgress } from '../../../../shared/capture';
import type { LoginState, Platform } from '../../../../shared/channel';
import { formatWarning } from '../../format';
import { ErrorNotice } from '../common/ErrorNotice';
import { Thumbnail } from '../common/Thumbnail';

const minutesLeft = (ms: number | null): number | null => (ms === null ? null : Math.max(1, Math.round(ms / 60_000)));
const wasCancelled = (c: ChannelProgress) => c.result?.error?.code === 'cancelled';

interface Props {
  job: CaptureJobState;
  logins: Record<Platform, LoginState> | null;
  onCancel: () => void;
  onRetry: (channelIds: string[]) => void;
  onLogIn: (platform: Platform) => void;
  onDismiss: () => void;
  /** A login window is open from here. */
  loggingIn: Platform | null;
  problem: unknown;
}

/**
 * A capture run as it goes and as it ended: each channel's stage, its snapshot or why it failed (a
 * login wall with its login button), a cancelled channel as cancelled; the results stay until the
 * user closes them.
 */
export function CaptureJobView({ job, logins, onCancel, onRetry, onLogIn, onDismiss, loggingIn, problem }: Props) {
  const { t, i18n } = useTranslation();
  const running = job.finishedAt === null;
  const left = minutesLeft(job.remainingMs);
  const unfinished = running ? [] : job.channels.filter((c) => c.result?.status === 'failed');
  const archived = job.channels.filter((c) => c.result?.status === 'ok').length;
  const platformName = (p: Platform) => t(`platform.${p}`);

  const failure = (c: ChannelProgress) => {
    const error = c.result!.error!;
    if (error.code === 'cancelled') return <p className="muted">{t('capture.channelCancelled')}</p>;
    // A wall despite a saved login means the login has run out; without one, the user has not logged in.
    const walled = error.code === 'login_required';
    const stale = walled && logins?.[c.platform]?.loggedIn;
    return (
      <>
        <p className="error">{stale ? t('capture.loginExpired', { platform: platformName(c.platform) }) : t(`captureError.${error.code}`, { platform: platformName(c.platform) })}</p>
        {walled && (
          <button type="button" className="secondary" disabled={loggingIn !== null} onClick={() => onLogIn(c.platform)}>
            {loggingIn === c.platform ? t('channels.loginOpen') : t(stale ? 'channels.logInAgain' : 'channels.logIn', { platform: platformName(c.platform) })}
          </button>
        )}
      </>
    );
  };

  return (
    <div className="job" aria-live="polite">
      <h3>{running ? t('capture.running') : job.cancelled ? t('capture.cancelled') : t('capture.finished')}</h3>
      <label htmlFor="overall">
        {running ? `${t('capture.overall', { percent: job.percent })}${left !== null ? ` – ${t('capture.minutesLeft', { count: left })}` : ''}` : t('capture.summary', { count: job.channels.length, archived })}
      </label>
      <progress id="overall" max={100} value={job.percent} />
      {running && <p><button type="button" onClick={onCancel}>{t('capture.cancel')}</button></p>}
      <ul className="progress-list">
        {job.channels.map((c) => (
          <li key={c.channelId} className={wasCancelled(c) ? 'cancelled' : (c.result?.status ?? '')}>
            <div className="progress-head">
              <strong>{c.name}</strong>
              <span>{wasCancelled(c) ? t('capture.channelCancelledStage') : t(`stage.${c.stage}`)}{c.attempt > 1 ? ` (${t('capture.attempt', { n: c.attempt })})` : ''}</span>
            </div>
            <progress max={100} value={c.percent} aria-label={t('capture.channelProgress', { name: c.name })} />
            {c.result?.status === 'ok' && c.ref && (
              <div className="result">
                <Thumbnail snapshot={c.ref} alt={t('capture.thumbAlt', { name: c.name })} width={160} />
                {c.result.warnings.length > 0 && <ul className="warnings">{c.result.warnings.map((w) => <li key={w.text}>{formatWarning(w, i18n.language)}</li>)}</ul>}
              </div>
            )}
            {c.result?.status === 'failed' && c.result.error && failure(c)}
          </li>
        ))}
      </ul>
      <ErrorNotice error={problem} />
      {!running && (
        <p>
          {unfinished.length > 0 && <><button type="button" onClick={() => onRetry(unfinished.map((c) => c.channelId))}>{t(unfinished.some(wasCancelled) ? 'capture.retryUnfinished' : 'capture.retry', { count: unfinished.length })}</button>{' '}</>}
          <button type="button" className="secondary" onClick={onDismiss}>{t('capture.dismiss')}</button>
        </p>
      )}
    </div>
  );
}
