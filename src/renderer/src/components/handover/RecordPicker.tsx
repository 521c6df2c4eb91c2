import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BagReport, SnapshotRef } from '../../../../shared/archive';
import { formatDateTime, sharingADay } from '../../../../shared/dates';
import { problemText, restoreText } from '../../../../shared/fixity';
import type { HandoverOverview, HandoverRecord, HandoverTarget, PlatinaPreview } from '../../../../shared/handover';
import { roundTitle } from '../../../../shared/rounds';
import { api } from '../../api';
import { NO_ROUND } from '../archive/filter';
import { ErrorNotice } from '../common/ErrorNotice';
import { PlatinaPreviewView } from './PlatinaPreviewView';

interface Props {
  target: HandoverTarget;
  overview: HandoverOverview;
  /** Who hands over, as the registrar last gave it. */
  registrar: string;
  busy: boolean;
  onDeliver: (refs: SnapshotRef[], by: string) => void;
}

/**
 * The records by round and unit, with where each has gone; those not yet at the target are chosen.
 * Their fixity is checked first: a damaged record is marked and cannot be chosen.
 */
export function RecordPicker({ target, overview, registrar, busy, onDeliver }: Props) {
  const { t, i18n } = useTranslation();
  const [round, setRound] = useState('');
  const [showDelivered, setShowDelivered] = useState(false);
  const [by, setBy] = useState(registrar);
  const isThere = (r: HandoverRecord) => r.delivered.some((d) => d.target === target && d.destination === overview.destination);
  const [picked, setPicked] = useState<Set<SnapshotRef> | null>(null);
  const [damaged, setDamaged] = useState<Map<string, BagReport> | null>(null);
  const [preview, setPreview] = useState<PlatinaPreview | null>(null);
  const [previewProblem, setPreviewProblem] = useState<unknown>(null);
  // What is there changed (a delivery, new settings): the choice starts over from what is not yet there.
  useEffect(() => {
    setPicked(null);
    setPreview(null);
  }, [overview]);
  const candidates = overview.records.filter((r) => !isThere(r)).map((r) => r.ref);
  const candidateKey = candidates.join('\n');
  useEffect(() => {
    let current = true;
    setDamaged(null);
    void api.checkRecords(candidateKey ? (candidateKey.split('\n') as SnapshotRef[]) : []).then(
      (reports) => current && setDamaged(new Map(reports.map((b) => [b.bag, b]))),
      () => current && setDamaged(new Map()),
    );
    return () => {
      current = false;
    };
  }, [candidateKey]);
  const isDamaged = (r: HandoverRecord) => damaged?.has(r.ref) ?? false;
  // Until the registrar chooses, every record not yet at the target is chosen, but never a damaged one.
  const selected = new Set([...(picked ?? candidates)].filter((ref) => !damaged?.has(ref)));

  const rounds = useMemo(() => [...new Set(overview.records.flatMap((r) => (r.round ? [r.round] : [])))], [overview]);
  const outsideRounds = overview.records.some((r) => r.round === null);
  const inRound = (r: HandoverRecord) => round === '' || (round === NO_ROUND ? r.round === null : r.round === round);
  const shown = overview.records.filter((r) => inRound(r) && (showDelivered || !isThere(r)));
  // Two records of a channel on one day have one title: their times, to the second, and reasons tell them apart.
  const withSeconds = sharingADay(overview.records);
  const groups = new Map<string, HandoverRecord[]>();
  for (const r of shown) {
    const key = `${r.round ? roundTitle(r.round, t) : t('handover.noRound')} · ${r.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const chosen = shown.filter((r) => selected.has(r.ref)).map((r) => r.ref);
  const why = busy ? '' : chosen.length === 0 ? t('handover.why.noneChosen') : !overview.destination ? t('handover.why.noDestination') : !by.trim() ? t('handover.why.noName') : '';

  const toggle = (ref: SnapshotRef) => {
    const next = new Set(selected);
    if (next.has(ref)) next.delete(ref);
    else next.add(ref);
    setPicked(next);
  };
  async function showPreview() {
    setPreview(null);
    setPreviewProblem(null);
    try {
      setPreview(await api.previewPlatina(chosen));
    } catch (error) {
      setPreviewProblem(error);
    }
  }

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
            {rounds.map((r) => <option key={r} value={r}>{roundTitle(r, t)}</option>)}
            {outsideRounds && <option value={NO_ROUND}>{t('handover.noRound')}</option>}
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
      {damaged === null ? <p className="muted" role="status">{t('handover.checking')}</p> : damaged.size > 0 && <p className="error" role="alert">{t('handover.damaged', { count: damaged.size })}</p>}
      {[...groups].map(([group, records]) => (
        <table key={group}>
          <caption>{group}</caption>
          <thead>
            <tr><th scope="col"><span className="visually-hidden">{t('handover.choose')}</span></th><th scope="col">{t('handover.title')}</th><th scope="col">{t('handover.taken')}</th><th scope="col">{t('record.reason')}</th><th scope="col">{t('handover.deliveredTo')}</th></tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.ref} className={isDamaged(r) ? 'bad' : undefined}>
                <td><input type="checkbox" id={`hand-${r.ref}`} checked={selected.has(r.ref)} disabled={isDamaged(r)} onChange={() => toggle(r.ref)} aria-label={withSeconds(r) ? `${r.title} ${formatDateTime(r.takenAt, i18n.language, true)}` : r.title} aria-describedby={isDamaged(r) ? `damage-${r.ref}` : undefined} /></td>
                <td>
                  <label htmlFor={`hand-${r.ref}`}>{r.title}</label>
                  {isDamaged(r) && (
                    <div id={`damage-${r.ref}`}>
                      <strong className="badge bad">{t('archive.damaged')}</strong> {problemText(t, damaged!.get(r.ref)!.problems[0]!)} {t('handover.notOffered')}
                      <br /><small>{restoreText(t, damaged!.get(r.ref)!)}</small>
                    </div>
                  )}
                </td>
                <td>{formatDateTime(r.takenAt, i18n.language, withSeconds(r))}</td>
                <td>{r.reason}</td>
                <td>{r.delivered.length === 0 ? <span className="muted">{t('handover.nowhere')}</span> : r.delivered.map((d) => <span key={`${d.target}${d.destination}`} className="platform" title={`${d.destination}: ${d.remoteId}`}>{t(`handover.targets.${d.target}`)}</span>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <p>
        <button type="submit" disabled={busy || why !== ''} aria-describedby={why ? 'handover-why' : undefined}>{busy ? t('handover.busy') : t('handover.deliver', { count: chosen.length })}</button>
        {target === 'platina' && <> <button type="button" className="secondary" disabled={busy || why !== ''} onClick={() => void showPreview()}>{t('handover.platina.preview')}</button></>}
        {why && <small id="handover-why"> {why}</small>}
      </p>
      <ErrorNotice error={previewProblem} />
      {preview && <PlatinaPreviewView preview={preview} />}
    </form>
  );
}
