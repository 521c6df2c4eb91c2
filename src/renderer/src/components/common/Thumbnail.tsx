import type { SnapshotRef } from '../../../../shared/archive';
import { api } from '../../api';
import { useWhenVisible } from '../../hooks/useWhenVisible';

/** A snapshot's small picture, loaded only when scrolled into view, so lists of hundreds of snapshots stay fast. */
export function Thumbnail({ snapshot, alt, width = 240 }: { snapshot: SnapshotRef; alt: string; width?: number }) {
  const { ref, value: src } = useWhenVisible(() => api.getThumbnail(snapshot), [snapshot]);
  const height = Math.round(width * 0.75);
  return (
    <div className="thumb" ref={ref} style={{ width, height }}>
      {src ? <img src={src} alt={alt} width={width} height={height} /> : null}
    </div>
  );
}
