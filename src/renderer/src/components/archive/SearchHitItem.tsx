import { useTranslation } from 'react-i18next';
import type { SearchHit, WordBox } from '../../../../shared/archive';
import { formatDateTime } from '../../../../shared/dates';

/** A line of a hit with the words searched for marked, as the core found them. */
function Marked({ line }: { line: SearchHit['lines'][number] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [from, to] of line.marks) {
    parts.push(line.text.slice(at, from), <mark key={from}>{line.text.slice(from, to)}</mark>);
    at = to;
  }
  parts.push(line.text.slice(at));
  return <>{parts}</>;
}

/** One record that a search found: which and when, its matching lines with the words marked, and the way into it, at its first hit. */
export function SearchHitItem({ hit, onOpen }: { hit: SearchHit; onOpen: (at?: WordBox) => void }) {
  const { t, i18n } = useTranslation();
  const when = formatDateTime(hit.takenAt, i18n.language);
  return (
    <li className="hit">
      <p><strong>{hit.channelName}</strong>, {when} <span className="muted">· {t('archive.hitLines', { count: hit.count })}</span></p>
      <ul>{hit.lines.map((line, i) => <li key={i}><Marked line={line} /></li>)}</ul>
      {hit.count > hit.lines.length && <p className="muted">{t('archive.moreLines', { count: hit.count - hit.lines.length })}</p>}
      <button type="button" className="secondary" onClick={() => onOpen(hit.lines.find((l) => l.at)?.at ?? undefined)} data-open={hit.ref} aria-label={t('archive.openLabel', { name: hit.channelName, date: when })}>{t('archive.open')}</button>
    </li>
  );
}
