import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../../../shared/archive';
import type { CaptureJobState } from '../../../shared/capture';
import { PLATFORMS, type Channel, type Platform } from '../../../shared/channel';
import type { ImportPreview, RegisterIssue } from '../../../shared/register';
import { Thumbnail } from '../components/Thumbnail';
import { formatDateTime } from '../format';

const EMPTY = { id: '', name: '', platform: '', url: '', unit: '', owners: '', pageOwner: '', intervalMonths: '', active: true };
type FormValues = typeof EMPTY;
type TextField = Exclude<keyof FormValues, 'active'>;

const toForm = (c: Channel): FormValues => ({ id: c.id, name: c.name, platform: c.platform, url: c.url, unit: c.unit, owners: c.owners.join(', '), pageOwner: c.pageOwner, intervalMonths: c.intervalMonths ? String(c.intervalMonths) : '', active: c.active });

export function Channels() {
  const { t, i18n } = useTranslation();
  const [channels, setChannels] = useState<Channel[]>([]);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [logins, setLogins] = useState<Record<Platform, boolean> | null>(null);
  const [loggingIn, setLoggingIn] = useState<Platform | null>(null);
  const [form, setForm] = useState<FormValues>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [issues, setIssues] = useState<RegisterIssue[]>([]);
  const [notice, setNotice] = useState('');
  const [preview, setPreview] = useState<{ file: File; content: string; result: ImportPreview } | null>(null);

  const refresh = () => void window.kanalarkiv.listChannels().then(setChannels);
  useEffect(() => {
    refresh();
    void window.kanalarkiv.listSnapshots().then(setCatalogue);
    void window.kanalarkiv.getLoginStatus().then(setLogins);
  }, []);

  async function logIn(platform: Platform) {
    setLoggingIn(platform);
    try {
      setLogins(await window.kanalarkiv.openLogin(platform));
    } catch (error) {
      setNotice((error as { message?: string }).message ?? String(error));
    } finally {
      setLoggingIn(null);
    }
  }
  // The catalogue is newest first, so the first snapshot found per channel is its latest.
  const latest = (id: string) => catalogue?.snapshots.find((s) => s.channelId === id);

  const issueText = (issue: RegisterIssue) => t(`issue.${issue.code}`, { defaultValue: issue.message });
  const fieldIssue = (field: string) => issues.find((i) => i.field === field);

  const closingDialog = useRef<HTMLDialogElement>(null);

  async function persist(values: FormValues): Promise<boolean> {
    const input = {
      ...values,
      platform: values.platform || undefined,
      owners: values.owners.split(/[,;]/).map((o) => o.trim()).filter(Boolean),
      intervalMonths: values.intervalMonths.trim() ? Number(values.intervalMonths) : undefined,
    };
    const result = await window.kanalarkiv.saveChannel(input, editing ?? undefined);
    if ('issues' in result) {
      setIssues(result.issues);
      return false;
    }
    setIssues([]);
    setForm(EMPTY);
    setEditing(null);
    setNotice(t('channels.saved', { name: result.channel.name }) + result.warnings.map((w) => ` ${issueText(w)}`).join(''));
    refresh();
    return true;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice('');
    // Deactivating means the account is being closed: the guidelines want a snapshot first.
    const before = channels.find((c) => c.id === editing);
    if (before?.active && !form.active) {
      closingDialog.current?.showModal();
      return;
    }
    await persist(form);
  }

  async function closeWithSnapshot() {
    closingDialog.current?.close();
    const values = form;
    const name = values.name;
    const job = await window.kanalarkiv.startCapture({ channelIds: [values.id], reason: t('capture.reasons.closing') });
    setNotice(t('channels.closingStarted', { name }));
    let handled = false;
    const finish = (state: CaptureJobState | null) => {
      if (!state || state.jobId !== job.jobId || !state.finishedAt || handled) return;
      handled = true;
      stop();
      if (state.channels[0]?.result?.status === 'ok') {
        void persist(values).then((saved) => saved && setNotice(t('channels.closingDone', { name })));
        void window.kanalarkiv.listSnapshots().then(setCatalogue);
      } else {
        setNotice(t('channels.closingFailed', { name }));
      }
    };
    const stop = window.kanalarkiv.onCaptureUpdate(finish);
    // A short capture may be over before we listened.
    void window.kanalarkiv.getCaptureJob(job.jobId).then(finish);
  }

  async function choose(file: File | undefined) {
    if (!file) return;
    const content = await file.text();
    setPreview({ file, content, result: await window.kanalarkiv.previewImport(content, file.name) });
  }

  async function runImport() {
    if (!preview) return;
    const added = await window.kanalarkiv.importChannels(preview.content, preview.file.name);
    setNotice(t('channels.imported', { count: added }));
    setPreview(null);
    refresh();
  }

  const edit = (channel: Channel) => {
    setEditing(channel.id);
    setForm(toForm(channel));
    setIssues([]);
    document.getElementById('add-heading')?.scrollIntoView();
  };

  const field = (name: TextField, extra: { type?: string; hint?: string } = {}) => {
    const problem = fieldIssue(name);
    // The id names the channel's folder in the archive; changing it would split its history.
    const locked = name === 'id' && editing !== null;
    return (
      <div className="field">
        <label htmlFor={`channel-${name}`}>{t(`channel.${name}`)}</label>
        <input id={`channel-${name}`} type={extra.type ?? 'text'} value={form[name]} readOnly={locked} aria-invalid={!!problem} aria-describedby={problem ? `channel-${name}-error` : undefined}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
        {extra.hint && <small>{extra.hint}</small>}
        {problem && <span className="error" id={`channel-${name}-error`}>{issueText(problem)}</span>}
      </div>
    );
  };

  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">{t('channels.heading')}</h2>
      {notice && <p role="status" className="notice">{notice}</p>}
      {channels.length === 0 ? (
        <p>{t('channels.empty')}</p>
      ) : (
        <table>
          <caption>{t('channels.caption', { count: channels.length })}</caption>
          <thead>
            <tr><th scope="col">{t('channel.platform')}</th><th scope="col">{t('channel.name')}</th><th scope="col">{t('channel.unit')}</th><th scope="col">{t('channel.owners')}</th><th scope="col">{t('channel.url')}</th><th scope="col">{t('channels.latest')}</th><th scope="col">{t('channels.status')}</th><th scope="col"><span className="visually-hidden">{t('channels.actions')}</span></th></tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr key={c.id}>
                <td><span className={`platform platform-${c.platform}`}>{t(`platform.${c.platform}`)}</span></td>
                <td>{c.name}</td>
                <td>{c.unit}</td>
                <td>
                  {c.owners.join(', ') || '–'}
                  {c.owners.length < 2 && <span className="warning"> {t('channels.fewOwners')}</span>}
                </td>
                <td className="url">{c.url}</td>
                <td>
                  {latest(c.id) ? (
                    <>
                      <Thumbnail snapshot={latest(c.id)!.ref} alt={t('archive.thumbAlt', { name: c.name, date: formatDateTime(latest(c.id)!.takenAt, i18n.language) })} width={96} />
                      <time dateTime={latest(c.id)!.takenAt}>{formatDateTime(latest(c.id)!.takenAt, i18n.language)}</time>
                    </>
                  ) : (
                    <span className="warning">{t('channels.never')}</span>
                  )}
                </td>
                <td>{c.active ? t('channels.active') : t('channels.inactive')}</td>
                <td><button type="button" className="secondary" onClick={() => edit(c)} aria-label={t('channels.editLabel', { name: c.name })}>{t('channels.edit')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="logins" role="group" aria-labelledby="logins-heading">
        <h3 id="logins-heading">{t('channels.logins')}</h3>
        <p>{t('channels.loginsIntro')}</p>
        <ul>
          {logins && (Object.keys(logins) as Platform[]).filter((p) => p !== 'web').map((p) => (
            <li key={p}>
              <span className={`platform platform-${p}`}>{t(`platform.${p}`)}</span>{' '}
              {logins[p] ? t('channels.loggedIn') : t('channels.loggedOut')}{' '}
              <button type="button" className="secondary" disabled={loggingIn !== null} onClick={() => void logIn(p)}>
                {loggingIn === p ? t('channels.loginOpen') : t('channels.logIn', { platform: t(`platform.${p}`) })}
              </button>
            </li>
          ))}
        </ul>
      </div>

      <form onSubmit={(e) => void submit(e)} aria-labelledby="add-heading" noValidate>
        <h3 id="add-heading">{editing ? t('channels.editing', { id: editing }) : t('channels.add')}</h3>
        <div className="grid">
          {field('id', { hint: t('channel.idHint') })}
          {field('name')}
          <div className="field">
            <label htmlFor="channel-platform">{t('channel.platform')}</label>
            <select id="channel-platform" value={form.platform} onChange={(e) => setForm({ ...form, platform: e.target.value })}>
              <option value="">{t('channel.platformAuto')}</option>
              {PLATFORMS.map((p) => <option key={p} value={p}>{t(`platform.${p}`)}</option>)}
            </select>
          </div>
          {field('url', { type: 'url' })}
          {field('unit')}
          {field('owners', { hint: t('channel.ownersHint') })}
          {field('pageOwner')}
          {field('intervalMonths', { hint: t('channel.intervalHint') })}
          <div className="field checkbox">
            <input id="channel-active" type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
            <label htmlFor="channel-active">{t('channel.active')}</label>
          </div>
        </div>
        <button type="submit">{t('channels.save')}</button>
        {editing && (
          <>
            {' '}
            <button type="button" className="secondary" onClick={() => { setEditing(null); setForm(EMPTY); setIssues([]); }}>{t('channels.cancelEdit')}</button>
          </>
        )}
      </form>

      <dialog ref={closingDialog} aria-labelledby="closing-title">
        <h3 id="closing-title">{t('channels.closingTitle')}</h3>
        <p>{t('channels.closingText', { name: form.name })}</p>
        <div className="buttons">
          <button type="button" onClick={() => void closeWithSnapshot()}>{t('channels.closingCapture')}</button>
          <button type="button" className="secondary" onClick={() => { closingDialog.current?.close(); void persist(form); }}>{t('channels.closingSkip')}</button>
          <button type="button" className="secondary" onClick={() => closingDialog.current?.close()}>{t('channels.closingCancel')}</button>
        </div>
      </dialog>

      <div className="import">
        <h3 id="import-heading">{t('channels.import')}</h3>
        <label htmlFor="import-file">{t('channels.importFile')}</label>
        <input id="import-file" type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
        {preview && (
          <>
            <table>
              <caption>{t('channels.previewCaption', { file: preview.file.name })}</caption>
              <thead><tr><th scope="col">{t('channels.rowHeading')}</th><th scope="col">{t('channel.id')}</th><th scope="col">{t('channel.name')}</th><th scope="col">{t('channels.result')}</th></tr></thead>
              <tbody>
                {preview.result.rows.map((row) => (
                  <tr key={row.entry} className={row.issues.length ? 'bad' : 'good'}>
                    <td>{row.entry.replace('row', t('channels.row')).replace('entry', t('channels.row'))}</td>
                    <td>{String(row.channel.id ?? '')}</td>
                    <td>{String(row.channel.name ?? '')}</td>
                    <td>{row.issues.length === 0 ? t('channels.ok') : row.issues.map((i) => `${t(`channel.${i.field}`, { defaultValue: i.field })}: ${issueText(i)}`).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => void runImport()} disabled={preview.result.importable === 0}>{t('channels.importRows', { count: preview.result.importable })}</button>
          </>
        )}
      </div>
    </section>
  );
}
