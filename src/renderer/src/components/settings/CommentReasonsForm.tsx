import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentReasonChoice } from '../../../../shared/comment';
import { api } from '../../api';
import { useApi } from '../../hooks/useApi';
import { ErrorNotice } from '../common/ErrorNotice';

const CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;

/**
 * The municipality's own reasons for saving a comment, one per line as "code: text", kept in the
 * archive so that everyone using it is offered the same ones. Each bad line is named.
 */
export function CommentReasonsForm() {
  const { t } = useTranslation();
  const loaded = useApi(() => api.listCommentReasons(), []);
  const [text, setText] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const show = (reasons: CommentReasonChoice[]) => reasons.filter((r) => r.own).map((r) => `${r.code}: ${r.sv}`).join('\n');
  useEffect(() => {
    if (loaded.value && text === null) setText(show(loaded.value));
  }, [loaded.value, text]);
  const taken = new Set((loaded.value ?? []).filter((r) => !r.own).map((r) => r.code));

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice('');
    setFailure(null);
    const found: string[] = [];
    const own: Array<{ code: string; label: string }> = [];
    for (const [i, line] of (text ?? '').split('\n').entries()) {
      if (!line.trim()) continue;
      const at = line.indexOf(':');
      const code = (at < 0 ? line : line.slice(0, at)).trim();
      const label = at < 0 ? '' : line.slice(at + 1).trim();
      if (!CODE.test(code)) found.push(t('reasons.badCode', { line: i + 1 }));
      else if (!label) found.push(t('reasons.noLabel', { line: i + 1 }));
      else if (taken.has(code) || own.some((r) => r.code === code)) found.push(t('reasons.taken', { line: i + 1, code }));
      else own.push({ code, label });
    }
    setProblems(found);
    if (found.length > 0) return;
    try {
      setText(show(await api.saveCommentReasons(own)));
      setNotice(t('reasons.saved', { count: own.length }));
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} aria-labelledby="reasons-heading">
      <h3 id="reasons-heading">{t('reasons.heading')}</h3>
      <div className="field">
        <label htmlFor="reasons-own">{t('reasons.label')}</label>
        {/* Until the archive's reasons are read, what is typed would be replaced by them. */}
        <textarea id="reasons-own" rows={4} value={text ?? ''} disabled={text === null && !loaded.error} onChange={(e) => setText(e.target.value)} aria-describedby="reasons-hint" />
        <small id="reasons-hint">{t('reasons.hint')}</small>
      </div>
      <button type="submit">{t('reasons.save')}</button>
      {notice && <p role="status" className="notice">{notice}</p>}
      <ErrorNotice error={loaded.error ?? failure} />
      {problems.length > 0 && <ul className="error" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
    </form>
  );
}
