import type { SnapshotRef, WordBox } from '../../../../shared/archive';
import { api } from '../../api';
import { useWhenVisible } from '../../hooks/useWhenVisible';

/**
 * One piece of a record's picture, fetched only when it comes near the view: a record of a long feed
 * has dozens of pieces, each megabytes. Until then it holds its place at the piece's proportions.
 * `mark`, in the piece's pixels, outlines a search hit on it.
 */
export function LazyPage({ snapshot, index, width, height, alt, mark }: { snapshot: SnapshotRef; index: number; width: number; height: number; alt: string; mark?: WordBox }) {
  const { ref, value: src } = useWhenVisible(() => api.getPageImage(snapshot, index), [snapshot, index], '600px 0px');
  return (
    <div className="page-slot" ref={ref} style={{ aspectRatio: `${width} / ${height}` }}>
      {src ? <img className="page" src={src} alt={alt} width={width} height={height} /> : null}
      {mark && <span className="hit-mark" aria-hidden="true" style={{ left: `${(mark.x / width) * 100}%`, top: `${(mark.y / height) * 100}%`, width: `${(mark.width / width) * 100}%`, height: `${(mark.height / height) * 100}%` }} />}
    </div>
  );
}
