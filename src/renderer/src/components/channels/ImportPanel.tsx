import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, WebsiteImport } from '../../../../shared/register';
import { api } from '../../api';
import { useIssueText } from './issues';
import { ErrorNotice } from '../common/ErrorNotice';

/** A file's bytes as base64, in pieces small enough for String.fromCharCode. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Where the rows come from: a file's bytes, or the municipality's own list page. */
type Source = { kind: 'file'; name: string; bytes: string } | ({ kind: 'website' } & WebsiteImport);

/**
 * Import a channel list (CSV or JSON), or the accounts the municipality's website lists: a preview
 * of every row and its problems first, then the import.
 */
export function ImportPanel({ onImported }: { onImported: (count: number) => void }) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const [preview, setPreview] = useState<{ source: Source; result: ImportPreview } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [website, setWebsite] = useState<WebsiteImport>({ address: '', unit: '' });
  const [fetching, setFetching] = useState(false);

  async function show(source: Source) {
    setProblem(null);
    try {
      const result = source.kind === 'file' ? await api.previewImport(source.bytes, source.name) : await api.previewWebsiteImport({ address: source.address, unit: source.unit });
      setPreview({ source, result });
    } catch (error) {
      setPreview(null);
      setProblem(error);
    }
  }

  async function choose(file: File | undefined) {
    if (!file) return;
    // The bytes as they are: the core reads their encoding (Excel's CSV is Windows-1252).
    await show({ kind: 'file', name: file.name, bytes: base64(new Uint8Array(await file.arrayBuffer())) });
  }

  async function fetchWebsite(event: FormEvent) {
    event.preventDefault();
    setFetching(true);
    await show({ kind: 'website', ...website });
    setFetching(false);
  }

  async function runImport() {
    if (!preview) return;
    const { source } = preview;
    try {
      onImported(source.kind === 'file' ? await api.importChannels(source.bytes, source.name) : await api.importFromWebsite({ address: source.address, unit: source.unit }));
      setPreview(null);
    } catch (error) {
      setProblem(error);
    }
  }

  return (
    <div className="import">
      <h3 id="import-heading">{t('channels.import')}</h3>
      <label htmlFor="import-file">{t('channels.importFile')}</label>
      <input id="import-file" type="file" accept=".csv,.txt,.json,text/csv,text/plain,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
      <form className="website-import" onSubmit={(e) => void fetchWebsite(e)} aria-labelledby="website-heading">
        <h4 id="website-heading">{t('channels.website')}</h4>
        <p>{t('channels.websiteIntro')}</p>
        <div className="grid">
          <div className="field">
            <label htmlFor="website-address">{t('channels.websiteAddress')}</label>
            <input id="website-address" value={website.address} placeholder="www.kommun.se/socialamedier" onChange={(e) => setWebsite({ ...website, address: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="website-unit">{t('channels.websiteUnit')}</label>
            <input id="website-unit" value={website.unit} onChange={(e) => setWebsite({ ...website, unit: e.target.value })} />
          </div>
        </div>
        <button type="submit" className="secondary" disabled={!website.address.trim() || fetching}>{t('channels.websiteFetch')}</button>
      </form>
      <ErrorNotice error={problem} />
      {preview && (
        <>
          {preview.source.kind === 'file' && <p>{t('channels.encoding', { encoding: preview.result.encoding })}</p>}
          {preview.source.kind === 'website' && preview.result.rows.length === 0 && <p>{t('channels.websiteNone')}</p>}
          {preview.result.unknownColumns.length > 0 && <p className="warning" role="status">{t('channels.unknownColumns', { count: preview.result.unknownColumns.length, columns: preview.result.unknownColumns.map((c) => `”${c}”`).join(', ') })}</p>}
          <table>
            <caption>{t('channels.previewCaption', { file: preview.source.kind === 'file' ? preview.source.name : preview.source.address })}</caption>
            <thead><tr><th scope="col">{t('channels.rowHeading')}</th><th scope="col">{t('channel.id')}</th><th scope="col">{t('channel.name')}</th><th scope="col">{t('channel.url')}</th><th scope="col">{t('channel.unit')}</th><th scope="col">{t('channel.owners')}</th><th scope="col">{t('channels.result')}</th></tr></thead>
            <tbody>
              {preview.result.rows.map((row) => (
                <tr key={row.entry} className={row.issues.length ? 'bad' : 'good'}>
                  <td>{row.entry.replace('row', t('channels.row')).replace('entry', t('channels.row')).replace('link', t('channels.link'))}</td>
                  <td>{String(row.channel.id ?? '')}</td>
                  <td>{String(row.channel.name ?? '')}</td>
                  <td className="url">{String(row.channel.url ?? '')}</td>
                  <td>{String(row.channel.unit ?? '')}</td>
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
