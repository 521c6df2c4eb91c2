import { useTranslation } from 'react-i18next';
import type { PlatinaPreview } from '../../../../shared/handover';
import { roundTitle } from '../../../../shared/rounds';

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function Fields({ body }: { body: Record<string, unknown> }) {
  return <dl className="fields">{Object.entries(body).map(([key, value]) => <div key={key}><dt><code>{key}</code></dt><dd>{shown(value)}</dd></div>)}</dl>;
}

/** What handing the chosen records over to Platina would create, field by field; nothing has been sent. */
export function PlatinaPreviewView({ preview }: { preview: PlatinaPreview }) {
  const { t } = useTranslation();
  const round = (name: string) => roundTitle(name, t);
  return (
    <section className="platina-preview" aria-labelledby="platina-preview-heading">
      <h4 id="platina-preview-heading">{t('handover.platina.previewHeading', { destination: preview.destination })}</h4>
      <p role="status">{t('handover.platina.previewNothingSent')}</p>
      {preview.cases.map((c) => c.body
        ? <details key={c.round} open><summary>{t('handover.platina.newCase', { round: round(c.round) })}</summary><Fields body={c.body} /></details>
        : <p key={c.round}>{t('handover.platina.existingCase', { round: round(c.round), label: c.existing })}</p>)}
      {preview.deeds.map((d) => (
        <details key={d.ref}>
          <summary>{t('handover.platina.newDeed', { title: shown(d.body.title), file: d.file.name, kb: Math.ceil(d.file.bytes / 1024).toLocaleString('sv-SE') })}</summary>
          <Fields body={d.body} />
        </details>
      ))}
      {preview.refused.map((r) => <p key={r.ref} className="problem">{t('handover.platina.refused', { ref: r.ref })}</p>)}
    </section>
  );
}
