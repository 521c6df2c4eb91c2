import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotRef } from '../../../shared/archive';
import type { DeliveryResult, HandoverTarget } from '../../../shared/handover';
import { api } from '../api';
import { DeliveryHistory } from '../components/handover/DeliveryHistory';
import { DeliveryOutcome } from '../components/handover/DeliveryOutcome';
import { RecordPicker } from '../components/handover/RecordPicker';
import { TargetPanel } from '../components/handover/TargetPanel';
import { useApi } from '../hooks/useApi';
import { ErrorNotice } from '../components/common/ErrorNotice';

/** The registrar's screen: pick a place and the records not yet there, hand them over, keep the receipts. */
export function Handover() {
  const { t } = useTranslation();
  const [target, setTarget] = useState<HandoverTarget>('platina');
  const loaded = useApi(async () => ({ overview: await api.getHandoverOverview(target), settings: await api.getHandoverSettings() }), [target]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DeliveryResult | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const reload = loaded.reload;

  const choose = (next: HandoverTarget) => {
    setTarget(next);
    setResult(null);
    setProblem(null);
  };

  async function deliver(refs: SnapshotRef[], by: string) {
    setBusy(true);
    setProblem(null);
    setSaved('');
    try {
      setResult(await api.startHandover({ target, refs, by }));
      await reload();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  async function saveReceipt(deliveryId: string) {
    try {
      const file = await api.saveReceipt(deliveryId);
      if (file) setSaved(t('handover.receiptSaved', { file }));
    } catch (error) {
      setProblem(error);
    }
  }

  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (!loaded.value) return <p>{t('loading')}</p>;
  const { overview, settings } = loaded.value;

  return (
    <section aria-labelledby="handover-heading">
      <h2 id="handover-heading">{t('handover.heading')}</h2>
      <p>{t('handover.intro')}</p>
      <TargetPanel target={target} onTarget={choose} overview={overview} settings={settings} onChanged={() => void reload()} />
      {overview.logProblems > 0 && <p className="error" role="alert">{t('handover.logProblems', { count: overview.logProblems })}</p>}
      <RecordPicker key={target} target={target} overview={overview} registrar={settings.registrar} busy={busy} onDeliver={(refs, by) => void deliver(refs, by)} />
      <ErrorNotice error={problem} />
      {result && (
        <DeliveryOutcome result={result} hasReceipt={overview.deliveries.some((d) => d.deliveryId === result.deliveryId)}
          onRetry={(refs) => void deliver(refs, result.by)} onReceipt={() => void saveReceipt(result.deliveryId)} />
      )}
      {saved && <p role="status" className="notice">{saved}</p>}
      <DeliveryHistory deliveries={overview.deliveries} onReceipt={(id) => void saveReceipt(id)} />
    </section>
  );
}
