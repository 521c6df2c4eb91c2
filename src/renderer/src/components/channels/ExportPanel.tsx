import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_EXPORTS, type ChannelExport } from '../../../../shared/register';
import { api } from '../../api';
import { ErrorNotice } from '../common/ErrorNotice';

/** Saves the register (to keep or import again), or the public list of accounts for the municipality's website. */
export function ExportPanel() {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ChannelExport>('public-html');
  const [result, setResult] = useState<{ saved: string } | { problem: unknown } | null>(null);

  async function save() {
    setResult(null);
    try {
      const file = await api.exportChannels(format);
      if (file) setResult({ saved: file });
    } catch (error) {
      setResult({ problem: error });
    }
  }

  return (
    <div className="export">
      <h3 id="export-heading">{t('export.heading')}</h3>
      <p>{t('export.intro')}</p>
      <div className="field">
        <label htmlFor="export-format">{t('export.format')}</label>
        <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as ChannelExport)}>
          {CHANNEL_EXPORTS.map((f) => <option key={f} value={f}>{t(`export.formats.${f}`)}</option>)}
        </select>
      </div>
      <button type="button" className="secondary" onClick={() => void save()}>{t('export.save')}</button>
      {result && 'saved' in result && <p role="status">{t('export.saved', { file: result.saved })}</p>}
      {result && 'problem' in result && <ErrorNotice error={result.problem} />}
    </div>
  );
}
