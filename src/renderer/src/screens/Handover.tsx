import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeliveryResult, HANDOVER_TARGETS, type HandoverOverview, type HandoverRecord, type HandoverSettings, type HandoverTarget } from '../../../shared/handover';
import type { SnapshotRef } from '../../../shared/archive';
import { HandoverSettingsForm } from '../components/HandoverSettingsForm';
import { formatDateTime } from '../format';

type Failure = { code?: string; message?: string };

/** The registrar's screen: pick a place and the records not yet there, hand them over, keep the receipts. */
export function Handover() {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState<HandoverTarget>('platina');
  const [overview, setOverview] = useState<HandoverOverview | null>(null);
  const [settings, setSettings] = useState<HandoverSettings | null>(null);
  const [editing, setEditing] = useState(false);
  const [round, setRound] = useState('');
  const [showDelivered, setShowDelivered] = useState(false);
  const [selected, setSelected] = useState<Set<SnapshotRef>>(new Set());
  const [by, setBy] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DeliveryResult | null>(null);
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState('');

  // A sentence the registrar can act on, in their language; the core's detail follows for IT.
  const explain = useCallback((error: unknown) => {
    const { code, message } = error as Failure;
    return i18n.exists(`handoverError.${code}`) ? `${t(`handoverError.${code}`)} (${message})` : (message ?? String(error));
  }, [t, i18n]);

  const load = useCallback(async () => {
    const [next, current] = await Promise.all([window.kanalarkiv.getHandoverOverview(target), window.kanalarkiv.getHandoverSettings()]);
    setOverview(next);
    setSettings(current);
    setBy((b) => b || current.registrar);
    const destination = next.destination;
    const pending = next.records.filter((r) => !r.delivered.some((d) => d.target === target && d.destination === destination));
    setSelected(new Set(pending.map((r) => r.ref)));
  }, [target]);

  useEffect(() => {
    setResult(null);
    setProblem('');
    void load();
  }, [load]);

  const isThere = useCallback((r: HandoverRecord) => r.delivered.some((d) => d.target === target && d.destination === overview?.destination), [target, overview]);
  const rounds = useMemo(() => [...new Set((overview?.records ?? []).map((r) => r.round ?? ''))], [overview]);
  const shown = (overview?.records ?? []).filter((r) => (round === '' || (r.round ?? '') === round) && (showDelivered || !isThere(r)));
  const groups = useMemo(() => {
    const byGroup = new Map<string, HandoverRecord[]>();
    for (const r of shown) {
      const key = `${r.round ?? t('handover.noRound')} · ${r.unit}`;
      byGroup.set(key, [...(byGroup.get(key) ?? []), r]);
    }
    return [...byGroup];
  }, [shown, t]);
  const chosen = shown.filter((r) => selected.has(r.ref)).map((r) => r.ref);

  async function deliver(refs: SnapshotRef[]) {
    setBusy(true);
    setProblem('');
    setSaved('');
    try {
      setResult(await window.kanalarkiv.startHandover({ target, refs, by: by.trim() }));
      await load();
    } catch (error) {
      setProblem(explain(error));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void deliver(chosen);
  }

  async function signIn() {
    setProblem('');
    try {
      await window.kanalarkiv.signInPlatina();
    } catch (error) {
      setProblem(explain(error));
    }
    await load();
  }

  async function saveReceipt(deliveryId: string) {
    try {
      const file = await window.kanalarkiv.saveReceipt(deliveryId);
      if (file) setSaved(t('handover.receiptSaved', { file }));
    } catch (error) {
      setProblem(explain(error));
    }
  }

  const toggle = (id: SnapshotRef) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  if (!overview || !settings) return <p>{t('loading')}</p>;
  const failed = result?.items.filter((i) => i.status === 'failed') ?? [];

  return (
    <section aria-labelledby="handover-heading">
      <h2 id="handover-heading">{t('handover.heading')}</h2>
      <p>{t('handover.intro')}</p>

      <fieldset className="targets">
        <legend>{t('handover.where')}</legend>
        {HANDOVER_TARGETS.map((name) => (
          <span key={name} className="target">
            <input type="radio" name="target" id={`target-${name}`} checked={target === name} onChange={() => { setTarget(name); setEditing(false); }} />
            <label htmlFor={`target-${name}`}>{t(`handover.targets.${name}`)}</label>
          </span>
        ))}
      </fieldset>

      <div className={`round ${overview.settingsProblem ? 'overdue' : ''}`}>
        <p>{t(`handover.about.${target}`)}</p>
        {overview.destination ? <p><strong>{t('handover.destination')}</strong> {overview.destination}</p> : <p className="warning" role="alert">{t('handoverError.settings')} <span className="muted">({overview.settingsProblem})</span></p>}
        {target === 'platina' && (
          <p>
            {overview.platina.signedIn ? t('handover.signedIn', { name: overview.platina.name ?? overview.platina.email }) : t('handover.signedOut')}{' '}
            {overview.platina.signedIn
              ? <button type="button" className="secondary" onClick={() => void window.kanalarkiv.signOutPlatina().then(load)}>{t('handover.signOut')}</button>
              : <button type="button" onClick={() => void signIn()} disabled={!overview.destination}>{t('handover.signIn')}</button>}
          </p>
        )}
        <button type="button" className="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>{t('handover.editSettings')}</button>
      </div>
      {editing && <HandoverSettingsForm key={target} target={target} initial={settings} smtpPasswordSet={overview.smtpPasswordSet} onSaved={() => void load()} />}
      {overview.logProblems > 0 && <p className="error" role="alert">{t('handover.logProblems', { count: overview.logProblems })}</p>}

      <form onSubmit={submit} aria-label={t('handover.records')}>
        <div className="toolbar">
          <div className="field">
            <label htmlFor="handover-round">{t('handover.round')}</label>
            <select id="handover-round" value={round} onChange={(e) => setRound(e.target.value)}>
              <option value="">{t('handover.allRounds')}</option>
              {rounds.map((r) => <option key={r} value={r}>{r || t('handover.noRound')}</option>)}
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
        {groups.map(([group, records]) => (
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
        {problem && <p className="error" role="alert">{problem}</p>}
      </form>

      {result && (
        <div className="job" aria-live="polite">
          <h3>{failed.length === 0 ? t('handover.done') : t('handover.doneWithFailures', { count: failed.length })}</h3>
          <ul className="progress-list">
            {result.items.map((item) => (
              <li key={item.ref} className={item.status === 'failed' ? 'failed' : ''}>
                <strong>{item.title || item.ref}</strong> – {t(`handover.status.${item.status}`)}
                {item.remoteId && <span className="muted"> ({item.remoteId})</span>}
                {item.error && <span className="error">{explain({ code: item.errorCode ?? undefined, message: item.error })}</span>}
              </li>
            ))}
          </ul>
          <p>
            {failed.length > 0 && <button type="button" onClick={() => void deliver(failed.map((i) => i.ref))}>{t('handover.retry', { count: failed.length })}</button>}{' '}
            {overview.deliveries.some((d) => d.deliveryId === result.deliveryId) && <button type="button" className="secondary" onClick={() => void saveReceipt(result.deliveryId)}>{t('handover.saveReceipt')}</button>}
          </p>
        </div>
      )}
      {saved && <p role="status" className="notice">{saved}</p>}

      <h3>{t('handover.history')}</h3>
      {overview.deliveries.length === 0 ? <p className="muted">{t('handover.noHistory')}</p> : (
        <table>
          <thead>
            <tr><th scope="col">{t('handover.when')}</th><th scope="col">{t('handover.to')}</th><th scope="col">{t('handover.result')}</th><th scope="col">{t('handover.byPast')}</th><th scope="col"><span className="visually-hidden">{t('handover.receipt')}</span></th></tr>
          </thead>
          <tbody>
            {overview.deliveries.map((d) => (
              <tr key={d.deliveryId}>
                <td>{formatDateTime(d.at, i18n.language)}</td>
                <td>{t(`handover.targets.${d.target}`)}<br /><span className="muted">{d.destination}</span></td>
                <td>{t('handover.counts', { delivered: d.items.filter((i) => i.status === 'delivered').length, failed: d.items.filter((i) => i.status === 'failed').length })}</td>
                <td>{d.by}</td>
                <td><button type="button" className="secondary" onClick={() => void saveReceipt(d.deliveryId)}>{t('handover.saveReceipt')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
