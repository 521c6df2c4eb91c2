import { useTranslation } from 'react-i18next';
import type { Delivery } from '../../../../shared/handover';
import { formatDateTime } from '../../../../shared/dates';

/** Every delivery the handover log tells of, newest first, each with its receipt. */
export function DeliveryHistory({ deliveries, onReceipt }: { deliveries: Delivery[]; onReceipt: (deliveryId: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h3>{t('handover.history')}</h3>
      {deliveries.length === 0 ? <p className="muted">{t('handover.noHistory')}</p> : (
        <table>
          <thead>
            <tr><th scope="col">{t('handover.when')}</th><th scope="col">{t('handover.to')}</th><th scope="col">{t('handover.result')}</th><th scope="col">{t('handover.byPast')}</th><th scope="col"><span className="visually-hidden">{t('handover.receipt')}</span></th></tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.deliveryId}>
                <td>{formatDateTime(d.at, i18n.language)}</td>
                <td>{t(`handover.targets.${d.target}`)}<br /><span className="muted">{d.destination}</span></td>
                <td>{t('handover.counts', { delivered: d.items.filter((i) => i.status === 'delivered').length, failed: d.items.filter((i) => i.status === 'failed').length })}</td>
                <td>{d.by}</td>
                <td><button type="button" className="secondary" onClick={() => onReceipt(d.deliveryId)}>{t('handover.saveReceipt')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
