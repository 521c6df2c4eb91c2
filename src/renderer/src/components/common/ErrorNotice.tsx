import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../hooks/useApi';

/**
 * A failure as the user reads it: the catalogue's sentence for its code, and the core's own message
 * (English, with the file or address it concerns) behind "Visa detaljer" for IT. `quiet` is for a
 * failure among others in a list, which must not interrupt a screen reader as an alert does.
 */
export function ErrorNotice({ error, quiet = false }: { error: unknown; quiet?: boolean }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  if (!error) return null;
  const { text, detail } = describe(error);
  return (
    <div className="error" role={quiet ? undefined : 'alert'}>
      <p>{text}</p>
      {detail && (
        <details>
          <summary>{t('error.details')}</summary>
          <p lang="en">{detail}</p>
        </details>
      )}
    </div>
  );
}
