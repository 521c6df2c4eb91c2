import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotRef, TextDifference } from '../../../../shared/archive';
import type { SnapshotMetadata } from '../../../../shared/snapshot';
import { formatDateTime, stockholmDay } from '../../../../shared/dates';
import { api } from '../../api';
import { ErrorNotice } from '../common/ErrorNotice';

interface Side {
  meta: SnapshotMetadata;
  pages: string[];
}

async function load(ref: SnapshotRef): Promise<Side> {
  const meta = await api.getSnapshot(ref);
  const pages = await Promise.all(meta.pages.map((_, i) => api.getPageImage(ref, i)));
  return { meta, pages };
}

/**
 * Two snapshots of a channel side by side, the older (`a`) on the left: the panes scroll together,
 * a red overlay on the older one marks where the newer one differs, and below, the lines of page
 * text the newer one added and the older one lost.
 */
export function Compare({ a, b, onBack }: { a: SnapshotRef; b: SnapshotRef; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const [sides, setSides] = useState<[Side, Side] | null>(null);
  const [overlays, setOverlays] = useState<Array<{ overlay: string; changed: number }>>([]);
  const [text, setText] = useState<TextDifference | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [showDiff, setShowDiff] = useState(true);
  const left = useRef<HTMLDivElement>(null);
  const right = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void Promise.all([load(a), load(b)]).then(async ([sa, sb]) => {
      setSides([sa, sb]);
      setText(await api.compareText(a, b));
      setOverlays(await Promise.all(sa.meta.pages.map((_, i) => api.compareSnapshots(a, b, i))));
    }).catch(setProblem);
  }, [a, b]);

  // Scrolling one pane scrolls the other to the same place; the guard stops the echo.
  const syncing = useRef(false);
  const follow = (from: HTMLDivElement | null, to: HTMLDivElement | null) => {
    if (!from || !to || syncing.current) {
      syncing.current = false;
      return;
    }
    if (to.scrollTop !== from.scrollTop) {
      syncing.current = true;
      to.scrollTop = from.scrollTop;
    }
  };

  if (problem) return <ErrorNotice error={problem} />;
  if (!sides) return <p>{t('loading')}</p>;
  // Two snapshots of one day read the same to the minute: then both say their seconds.
  const seconds = stockholmDay(sides[0].meta.capture.startedAt) === stockholmDay(sides[1].meta.capture.startedAt);
  const when = (side: Side) => formatDateTime(side.meta.capture.startedAt, i18n.language, seconds);
  const changed = overlays.length ? overlays.reduce((sum, o, i) => sum + o.changed * sides[0].meta.pages[i]!.height, 0) / sides[0].meta.capture.pageHeight : null;

  return (
    <section aria-labelledby="compare-heading">
      <p><button type="button" className="secondary" onClick={onBack}>{t('record.back')}</button></p>
      <h3 id="compare-heading">{t('compare.heading', { name: sides[0].meta.channel.name })}</h3>
      <p>
        <input type="checkbox" id="show-diff" checked={showDiff} onChange={(e) => setShowDiff(e.target.checked)} />
        <label htmlFor="show-diff">{t('compare.showDifferences')}</label>
        {changed !== null && <span className="muted"> – {t('compare.changed', { percent: (changed * 100).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 2 }) })}</span>}
      </p>
      <div className="compare">
        {sides.map((side, s) => (
          <div key={s} className="pane-wrap">
            <h4>{t(s === 0 ? 'compare.older' : 'compare.newer', { date: when(side) })}</h4>
            <div className="pane" ref={s === 0 ? left : right} tabIndex={0} aria-label={t(s === 0 ? 'compare.older' : 'compare.newer', { date: when(side) })}
              onScroll={() => (s === 0 ? follow(left.current, right.current) : follow(right.current, left.current))}>
              {side.pages.map((src, i) => (
                <div key={i} className="compare-page">
                  <img src={src} alt={t('record.pageAlt', { n: i + 1, count: side.pages.length, name: side.meta.channel.name })} />
                  {s === 0 && showDiff && overlays[i] && <img className="overlay" src={overlays[i]!.overlay} alt="" />}
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>
      <section aria-labelledby="text-heading" className="text-diff">
        <h4 id="text-heading">{t('compare.textHeading')}</h4>
        {!text ? <p>{t('loading')}</p> : text.added + text.removed === 0 ? <p>{t('compare.textSame')}</p> : (
          <>
            <p>{t('compare.textAdded', { count: text.added })} {t('compare.textRemoved', { count: text.removed })}</p>
            <ol className="diff-lines">
              {text.parts.map((part, i) => part.kind === 'same'
                ? <li key={i} className="same">{t('compare.textUnchanged', { count: part.count })}</li>
                : part.lines.map((line, j) => (
                  <li key={`${i}-${j}`} className={part.kind}>
                    <span className="visually-hidden">{t(`compare.${part.kind}`)}: </span><span aria-hidden="true">{part.kind === 'added' ? '+ ' : '− '}</span>{line}
                  </li>
                )))}
            </ol>
          </>
        )}
      </section>
    </section>
  );
}
