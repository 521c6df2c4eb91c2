import { useTranslation } from 'react-i18next';
import type { SnapshotRef } from '../../../../shared/archive';
import { KanalarkivError } from '../../../../shared/errors';
import type { DeliveryResult } from '../../../../shared/handover';
import { ErrorNotice } from '../common/ErrorNotice';

/** What became of each record of a delivery, the failures explained, with a retry and the receipt. */
export function DeliveryOutcome({ result, hasReceipt, onRetry, onReceipt }: { result: DeliveryResult; hasReceipt: boolean; onRetry: (refs: SnapshotRef[]) => void; onReceipt: () => void }) {
  const { t } = useTranslation();
  const failed = result.items.filter((i) => i.status === 'failed');
  // A damaged or missing record fails again however often it is tried: it must be restored first.
  const retryable = failed.filter((i) => i.errorCode !== 'damaged' && i.errorCode !== 'not_found');
  return (
    <div className="job" aria-live="polite">
      <h3>{failed.length === 0 ? t('handover.done') : t('handover.doneWithFailures', { count: failed.length })}</h3>
      <ul className="progress-list">
        {result.items.map((item) => (
          <li key={item.ref} className={item.status === 'failed' ? 'failed' : ''}>
            <strong>{item.title || item.ref}</strong> – {t(`handover.status.${item.status}`)}
            {item.remoteId && <span className="muted"> ({item.remoteId})</span>}
            {item.error && <ErrorNotice quiet error={new KanalarkivError(item.errorCode ?? 'internal', item.error, item.errorParams)} />}
          </li>
        ))}
      </ul>
      <p>
        {retryable.length > 0 && <button type="button" onClick={() => onRetry(retryable.map((i) => i.ref))}>{t('handover.retry', { count: retryable.length })}</button>}{' '}
        {hasReceipt && <button type="button" className="secondary" onClick={onReceipt}>{t('handover.saveReceipt')}</button>}
      </p>
    </div>
  );
}
