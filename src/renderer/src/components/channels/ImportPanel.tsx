import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/register';
import { api } from '../../api';
import { useErrorText } from '../../hooks/useApi';
import { useIssueText } from './issues';

/** Import a channel list (CSV or JSON): a preview of every row and its problems first, then the import. */
export function ImportPanel({ onImported }: { onImported: (count: number) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const [preview, setPreview] = useState<{ file: File; content: string; result: ImportPreview } | null>(null);
  const [problem, setProblem] = useState('');

  async function choose(file: File | undefined) {
    if (!file) return;
    setProblem('');
    try {
      const content = await file.text();
      setPreview({ file, content, result: await api.previewImport(content, file.name) });
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  async function runImport() {
    if (!preview) return;
    try {
      onImported(await api.importChannels(preview.content, preview.file.name));
      setPreview(null);
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  return (
    <div className="import">
      <h3 id="import-heading">{t('channels.import')}</h3>
      <label htmlFor="import-file">{t('channels.importFile')}</label>
      <input id="import-file" type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
      {problem && <p className="error" role="alert">{problem}</p>}
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
  );
}
