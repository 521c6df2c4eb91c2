import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotRef } from '../../../../shared/archive';
import type { HandoverOverview, HandoverRecord, HandoverTarget } from '../../../../shared/handover';
import { roundTitle } from '../../../../shared/rounds';
import { formatDateTime } from '../../format';

interface Props {
  target: HandoverTarget;
  overview: HandoverOverview;
  /** Who hands over, as the registrar last gave it. */
  registrar: string;
  busy: boolean;
  onDeliver: (refs: SnapshotRef[], by: string) => void;
}

/** The records by round and unit, with where each has gone; those not yet at the target are chosen. */
export function RecordPicker({ target, overview, registrar, busy, onDeliver }: Props) {
  const { t, i18n } = useTranslation();
  const [round, setRound] = useState('');
  const [showDelivered, setShowDelivered] = useState(false);
  const [by, setBy] = useState(registrar);
  const isThere = (r: HandoverRecord) => r.delivered.some((d) => d.target === target && d.destination === overview.destination);
  const [picked, setPicked] = useState<Set<SnapshotRef> | null>(null);
  // What is there changed (a delivery, new settings): the choice starts over from what is not yet there.
  useEffect(() => setPicked(null), [overview]);
  // Until the registrar chooses, every record not yet at the target is chosen.
  const selected = picked ?? new Set(overview.records.filter((r) => !isThere(r)).map((r) => r.ref));

  const rounds = useMemo(() => [...new Set(overview.records.map((r) => r.round ?? ''))], [overview]);
  const shown = overview.records.filter((r) => (round === '' || (r.round ?? '') === round) && (showDelivered || !isThere(r)));
  const groups = new Map<string, HandoverRecord[]>();
  for (const r of shown) {
    const key = `${r.round ? roundTitle(r.round, t) : t('handover.noRound')} · ${r.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const chosen = shown.filter((r) => selected.has(r.ref)).map((r) => r.ref);

  const toggle = (ref: SnapshotRef) => {
    const next = new Set(selected);
    if (next.has(ref)) next.delete(ref);
    else next.add(ref);
    setPicked(next);
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    onDeliver(chosen, by.trim());
  }

  return (
    <form onSubmit={submit} aria-label={t('handover.records')}>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="handover-round">{t('handover.round')}</label>
          <select id="handover-round" value={round} onChange={(e) => setRound(e.target.value)}>
            <option value="">{t('handover.allRounds')}</option>
            {rounds.map((r) => <option key={r} value={r}>{r ? roundTitle(r, t) : t('handover.noRound')}</option>)}
          </select>
        </div>
        <div className="field checkbox">
          <input type="checkbox" id="handover-show-delivered" checked={showDelivered} onChange={(e) => setShowDelivered(e.target.checked)} />
          <label htmlFor="handover-show-delivered">{t('handover.showDelivered')}</label>
        </div>
        <div className="field">
          <label htmlFor="handover-by">{t('handover.by')}</label>
          <input id="handover-by" value={by} onChange={(e) => setBy(e.target.value)} required />
        </div>
      </div>
      {shown.length === 0 && <p className="notice">{t('handover.nothingLeft')}</p>}
      {[...groups].map(([group, records]) => (
        <table key={group}>
          <caption>{group}</caption>
          <thead>
            <tr><th scope="col"><span className="visually-hidden">{t('handover.choose')}</span></th><th scope="col">{t('handover.title')}</th><th scope="col">{t('handover.taken')}</th><th scope="col">{t('handover.deliveredTo')}</th></tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.ref}>
                <td><input type="checkbox" id={`hand-${r.ref}`} checked={selected.has(r.ref)} onChange={() => toggle(r.ref)} aria-label={r.title} /></td>
                <td><label htmlFor={`hand-${r.ref}`}>{r.title}</label></td>
                <td>{formatDateTime(r.takenAt, i18n.language)}</td>
                <td>{r.delivered.length === 0 ? <span className="muted">{t('handover.nowhere')}</span> : r.delivered.map((d) => <span key={`${d.target}${d.destination}`} className="platform" title={`${d.destination}: ${d.remoteId}`}>{t(`handover.targets.${d.target}`)}</span>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <button type="submit" disabled={busy || chosen.length === 0 || !overview.destination || !by.trim()}>{busy ? t('handover.busy') : t('handover.deliver', { count: chosen.length })}</button>
    </form>
  );
}
