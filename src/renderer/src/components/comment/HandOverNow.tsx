import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotRef } from '../../../../shared/archive';
import { KanalarkivError } from '../../../../shared/errors';
import type { DeliveryResult, HandoverTarget } from '../../../../shared/handover';
import { api } from '../../api';
import { ErrorNotice } from '../common/ErrorNotice';

/** The places a registrar takes a saved comment in from: Platina, its mailbox, or the upload folder. */
const TARGETS = ['platina', 'email', 'folder'] as const satisfies readonly HandoverTarget[];

/** Hands a record just saved to the registrar at once, through the handover's targets, log and receipts. */
export function HandOverNow({ record, by }: { record: SnapshotRef; by: string }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<HandoverTarget>('email');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DeliveryResult | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  async function deliver(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setResult(await api.startHandover({ target, refs: [record], by }));
    } catch (error) {
      setProblem(error);
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
        <div role="status">
          <p className={item.status === 'failed' ? 'error' : 'notice'}>{t(`handover.targets.${result!.target}`)}: {t(`handover.status.${item.status}`)}</p>
          {item.status === 'failed' && <ErrorNotice quiet error={new KanalarkivError(item.errorCode ?? 'internal', item.error ?? '', item.errorParams)} />}
        </div>
      )}
      <ErrorNotice error={problem} />
    </form>
  );
}
