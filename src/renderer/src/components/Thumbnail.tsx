import { useEffect, useRef, useState } from 'react';
import type { SnapshotRef } from '../../../shared/archive';
import { api } from '../api';

/** Loads its picture only when scrolled into view, so lists of hundreds of snapshots stay fast. */
export function Thumbnail({ snapshot, alt, width = 240 }: { snapshot: SnapshotRef; alt: string; width?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting) {
        observer.disconnect();
        void api.getThumbnail(snapshot).then(setSrc).catch(() => setSrc(''));
      }
    });
    if (ref.current) observer.observe(ref.current);
    return () => observer.disconnect();
  }, [snapshot]);
  const height = Math.round(width * 0.75);
  return (
    <div className="thumb" ref={ref} style={{ width, height }}>
      {src ? <img src={src} alt={alt} width={width} height={height} /> : null}
    </div>
  );
}
