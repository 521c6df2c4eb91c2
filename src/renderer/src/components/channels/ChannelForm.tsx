import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureJobState } from '../../../../shared/capture';
import { PLATFORMS, type Channel } from '../../../../shared/channel';
import type { RegisteredChannel, RegisterIssue } from '../../../../shared/register';
import { api } from '../../api';
import { formatDateTime } from '../../../../shared/dates';
import { useCaptureJob } from '../../hooks/useCaptureJob';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorNotice } from '../common/ErrorNotice';
import { ChannelHistory } from './ChannelHistory';
import { useIssueText } from './issues';

const EMPTY = { id: '', name: '', platform: '', url: '', unit: '', owners: '', pageOwner: '', intervalMonths: '', active: true };
type FormValues = typeof EMPTY;
type TextField = Exclude<keyof FormValues, 'active'>;

const toForm = (c: Channel): FormValues => ({ id: c.id, name: c.name, platform: c.platform, url: c.url, unit: c.unit, owners: c.owners.join(', '), pageOwner: c.pageOwner, intervalMonths: c.intervalMonths ? String(c.intervalMonths) : '', active: c.active });

interface Props {
  /** The channel being edited, or null to add one. */
  editing: RegisteredChannel | null;
  /** Opened to close the account: the form starts with the channel deactivated. */
  closing?: boolean;
  /** After a save: what to tell the user. */
  onSaved: (notice: string, warnings?: string[]) => void;
  onCancel: () => void;
  /** A closing snapshot was archived. */
  onSnapshot: () => void;
  /** The register changed under the form (someone else edited or removed the channel): read it again. */
  onStale: () => void;
}

/**
 * Add or edit a channel, with every problem shown at its field. Deactivating a channel means the
 * account is being closed: the guidelines want a snapshot first, so the form offers one.
 */
export function ChannelForm({ editing, closing: toClose = false, onSaved, onCancel, onSnapshot, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const issueText = useIssueText();
  const [form, setForm] = useState<FormValues>(editing ? { ...toForm(editing), active: editing.active && !toClose } : EMPTY);
  const [issues, setIssues] = useState<RegisterIssue[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [closingFailed, setClosingFailed] = useState(false);
  const [closing, setClosing] = useState<CaptureJobState | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const closingDialog = useRef<HTMLDialogElement>(null);
  const removeDialog = useRef<HTMLDialogElement>(null);
  const edit = editing ? { id: editing.id, version: editing.version } : undefined;

  const failed = (error: unknown) => {
    setProblem(error);
    const { code } = error as { code?: string };
    if (code === 'register_changed' || code === 'not_registered') onStale();
  };

  async function persist(values: FormValues): Promise<boolean> {
    const input = {
      ...values,
      platform: values.platform || undefined,
      owners: values.owners.split(/[,;]/).map((o) => o.trim()).filter(Boolean),
      intervalMonths: values.intervalMonths.trim() ? Number(values.intervalMonths) : undefined,
    };
    try {
      const result = await api.saveChannel(input, edit);
      if ('issues' in result) {
        setIssues(result.issues);
        return false;
      }
      setIssues([]);
      setForm(EMPTY);
      onSaved(t('channels.saved', { name: result.channel.name }), result.warnings.map(issueText));
      return true;
    } catch (error) {
      failed(error);
      return false;
    }
  }

  async function remove() {
    removeDialog.current?.close();
    if (!edit) return;
    try {
      await api.removeChannel(edit);
      onSaved(t('channels.removed', { name: editing!.name }));
    } catch (error) {
      failed(error);
    }
  }

  // Every problem is shown at its field at once; the keyboard starts at the first of them.
  useEffect(() => {
    if (issues.length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [issues]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setClosingFailed(false);
    if (editing?.active && !form.active) {
      closingDialog.current?.showModal();
      return;
    }
    await persist(form);
  }

  const values = form;
  const job = useCaptureJob(closing, (state) => {
    if (state.channels[0]?.result?.status === 'ok') {
      onSnapshot();
      void persist(values).then((saved) => saved && onSaved(t('channels.closingDone', { name: values.name })));
    } else {
      setClosingFailed(true);
    }
  });

  async function closeWithSnapshot() {
    closingDialog.current?.close();
    try {
      setClosing(await api.startCapture({ channelIds: [form.id], reason: t('capture.reasons.closing') }));
    } catch (error) {
      setProblem(error);
    }
  }

  const field = (name: TextField, extra: { type?: string; hint?: string } = {}) => {
    const issue = issues.find((i) => i.field === name);
    // The id names the channel's folder in the archive; changing it would split its history.
    const locked = name === 'id' && editing !== null;
    return (
      <div className="field">
        <label htmlFor={`channel-${name}`}>{t(`channel.${name}`)}</label>
        <input id={`channel-${name}`} type={extra.type ?? 'text'} value={form[name]} readOnly={locked} aria-invalid={!!issue} aria-describedby={issue ? `channel-${name}-error` : undefined}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
        {extra.hint && <small>{extra.hint}</small>}
        {issue && <span className="error" id={`channel-${name}-error`}>{issueText(issue)}</span>}
      </div>
    );
  };

  return (
    <>
      <form ref={formRef} onSubmit={(e) => void submit(e)} aria-labelledby="add-heading" noValidate>
        <h3 id="add-heading">{editing ? t('channels.editing', { id: editing.id }) : t('channels.add')}</h3>
        {editing && <p className="muted">{t('channels.changedBy', { at: formatDateTime(editing.changedAt, i18n.language), by: editing.changedBy || t('history.someone') })}</p>}
        {job && !job.finishedAt && <p role="status" className="notice">{t('channels.closingStarted', { name: form.name })}</p>}
        <div className="grid">
          {field('id', { hint: t('channel.idHint') })}
          {field('name')}
          <div className="field">
            <label htmlFor="channel-platform">{t('channel.platform')}</label>
            <select id="channel-platform" value={form.platform} aria-invalid={issues.some((i) => i.field === 'platform')} aria-describedby={issues.some((i) => i.field === 'platform') ? 'channel-platform-error' : undefined}
              onChange={(e) => setForm({ ...form, platform: e.target.value })}>
              <option value="">{t('channel.platformAuto')}</option>
              {PLATFORMS.map((p) => <option key={p} value={p}>{t(`platform.${p}`)}</option>)}
            </select>
            {issues.filter((i) => i.field === 'platform').slice(0, 1).map((i) => <span key={i.code} className="error" id="channel-platform-error">{issueText(i)}</span>)}
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
            <button type="button" className="secondary" onClick={onCancel}>{t('channels.cancelEdit')}</button>
            {' '}
            <button type="button" className="secondary danger" onClick={() => removeDialog.current?.showModal()}>{t('channels.remove')}</button>
          </>
        )}
        {issues.length > 0 && <p className="error" role="alert">{t('channels.notSaved', { count: issues.length })}</p>}
        {closingFailed && <p className="error" role="alert">{t('channels.closingFailed', { name: values.name })}</p>}
        <ErrorNotice error={problem} />
        {editing && <ChannelHistory channelId={editing.id} version={editing.version} />}
      </form>

      <ConfirmDialog dialog={removeDialog} id="remove" title={t('channels.removeTitle', { name: editing?.name ?? '' })} text={t('channels.removeText')} confirm={t('channels.removeConfirm')} keep={t('channels.closingCancel')} onConfirm={() => void remove()} />

      <dialog ref={closingDialog} aria-labelledby="closing-title">
        <h3 id="closing-title">{t('channels.closingTitle')}</h3>
        <p>{t('channels.closingText', { name: form.name })}</p>
        <div className="buttons">
          <button type="button" onClick={() => void closeWithSnapshot()}>{t('channels.closingCapture')}</button>
          <button type="button" className="secondary" onClick={() => { closingDialog.current?.close(); void persist(form); }}>{t('channels.closingSkip')}</button>
          <button type="button" className="secondary" onClick={() => closingDialog.current?.close()}>{t('channels.closingCancel')}</button>
        </div>
      </dialog>
    </>
  );
}
