import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/register';
import { api } from '../../api';
import { useErrorText } from '../../hooks/useApi';
import { useIssueText } from './issues';

/** A file's bytes as base64, in pieces small enough for String.fromCharCode. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Import a channel list (CSV or JSON): a preview of every row and its problems first, then the import. */
export function ImportPanel({ onImported }: { onImported: (count: number) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const [preview, setPreview] = useState<{ file: File; bytes: string; result: ImportPreview } | null>(null);
  const [problem, setProblem] = useState('');

  async function choose(file: File | undefined) {
    if (!file) return;
    setProblem('');
    try {
      // The bytes as they are: the core reads their encoding (Excel's CSV is Windows-1252).
      const bytes = base64(new Uint8Array(await file.arrayBuffer()));
      setPreview({ file, bytes, result: await api.previewImport(bytes, file.name) });
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  async function runImport() {
    if (!preview) return;
    try {
      onImported(await api.importChannels(preview.bytes, preview.file.name));
      setPreview(null);
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  return (
    <div className="import">
      <h3 id="import-heading">{t('channels.import')}</h3>
      <label htmlFor="import-file">{t('channels.importFile')}</label>
      <input id="import-file" type="file" accept=".csv,.txt,.json,text/csv,text/plain,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
      {problem && <p className="error" role="alert">{problem}</p>}
      {preview && (
        <>
          <p>{t('channels.encoding', { encoding: preview.result.encoding })}</p>
          <table>
            <caption>{t('channels.previewCaption', { file: preview.file.name })}</caption>
            <thead><tr><th scope="col">{t('channels.rowHeading')}</th><th scope="col">{t('channel.id')}</th><th scope="col">{t('channel.name')}</th><th scope="col">{t('channel.owners')}</th><th scope="col">{t('channels.result')}</th></tr></thead>
            <tbody>
              {preview.result.rows.map((row) => (
                <tr key={row.entry} className={row.issues.length ? 'bad' : 'good'}>
                  <td>{row.entry.replace('row', t('channels.row')).replace('entry', t('channels.row'))}</td>
                  <td>{String(row.channel.id ?? '')}</td>
                  <td>{String(row.channel.name ?? '')}</td>
                  <td>{Array.isArray(row.channel.owners) ? row.channel.owners.join(', ') : ''}</td>
                  <td>
                    {row.issues.length === 0 ? t('channels.ok') : row.issues.map((i) => `${t(`channel.${i.field}`, { defaultValue: i.field })}: ${issueText(i)}`).join('; ')}
                    {row.warnings.length > 0 && <span className="warning"> {row.warnings.map((w) => issueText(w)).join('; ')}</span>}
                  </td>
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
