import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotRef } from '../../../shared/archive';
import type { DeliveryResult, HandoverTarget } from '../../../shared/handover';
import { api } from '../api';
import { useErrorText } from '../hooks/useApi';

/** The places a registrar takes a saved comment in from: Platina, its mailbox, or the upload folder. */
const TARGETS = ['platina', 'email', 'folder'] as const satisfies readonly HandoverTarget[];

/** Hands a record just saved to the registrar at once, through the handover's targets, log and receipts. */
export function HandOverNow({ record, by }: { record: SnapshotRef; by: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [target, setTarget] = useState<HandoverTarget>('email');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DeliveryResult | null>(null);
  const [problem, setProblem] = useState('');

  async function deliver(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem('');
    try {
      setResult(await api.startHandover({ target, refs: [record], by }));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const item = result?.items[0];
  return (
    <form onSubmit={(e) => void deliver(e)} aria-label={t('comment.handOver')}>
      <div className="field">
        <label htmlFor="comment-target">{t('comment.handOverTo')}</label>
        <select id="comment-target" value={target} onChange={(e) => setTarget(e.target.value as HandoverTarget)}>
          {TARGETS.map((x) => <option key={x} value={x}>{t(`handover.targets.${x}`)}</option>)}
        </select>
      </div>
      <button type="submit" disabled={busy || !by.trim()}>{busy ? t('handover.busy') : t('comment.handOver')}</button>
      {!by.trim() && <small> {t('comment.handOverNeedsName')}</small>}
      {item && (
        <p role="status" className={item.status === 'failed' ? 'error' : 'notice'}>
          {t(`handover.targets.${result!.target}`)}: {t(`handover.status.${item.status}`)}
          {item.status === 'failed' && ` – ${item.errorCode ? t([`handoverError.${item.errorCode}`, 'error.internal']) : ''} ${item.error ?? ''}`}
        </p>
      )}
      {problem && <p className="error" role="alert">{problem}</p>}
    </form>
  );
}
