import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotRef } from '../../../shared/archive';
import type { SnapshotMetadata } from '../../../shared/snapshot';
import { formatDateTime } from '../../../shared/dates';
import { api } from '../api';
import { ErrorNotice } from './ErrorNotice';

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
 * Two snapshots of a channel side by side: the panes scroll together, and a red overlay on the
 * older one marks where the newer one differs.
 */
export function Compare({ a, b, onBack }: { a: SnapshotRef; b: SnapshotRef; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const [sides, setSides] = useState<[Side, Side] | null>(null);
  const [overlays, setOverlays] = useState<Array<{ overlay: string; changed: number }>>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [showDiff, setShowDiff] = useState(true);
  const left = useRef<HTMLDivElement>(null);
  const right = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void Promise.all([load(a), load(b)]).then(async ([sa, sb]) => {
      setSides([sa, sb]);
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
            <h4>{formatDateTime(side.meta.capture.startedAt, i18n.language)}</h4>
            <div className="pane" ref={s === 0 ? left : right} tabIndex={0} aria-label={t('compare.pane', { date: formatDateTime(side.meta.capture.startedAt, i18n.language) })}
              onScroll={() => (s === 0 ? follow(left.current, right.current) : follow(right.current, left.current))}>
              {side.pages.map((src, i) => (
                <div key={i} className="compare-page">
                  <img src={src} alt={t('record.pageAlt', { n: i + 1, name: side.meta.channel.name })} />
                  {s === 0 && showDiff && overlays[i] && <img className="overlay" src={overlays[i]!.overlay} alt="" />}
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
