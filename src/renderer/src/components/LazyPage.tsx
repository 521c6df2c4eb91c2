import { useEffect, useRef, useState } from 'react';
import type { SnapshotRef } from '../../../shared/archive';
import { api } from '../api';

/**
 * One page of a record's picture, fetched only when it comes near the view: a record of a long feed
 * has dozens of pages, each megabytes. Until then it holds its place at the page's proportions.
 */
export function LazyPage({ snapshot, index, width, height, alt }: { snapshot: SnapshotRef; index: number; width: number; height: number; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting) {
        observer.disconnect();
        void api.getPageImage(snapshot, index).then(setSrc).catch(() => setSrc(''));
      }
    }, { rootMargin: '600px 0px' });
    if (ref.current) observer.observe(ref.current);
    return () => observer.disconnect();
  }, [snapshot, index]);
  return (
    <div className="page-slot" ref={ref} style={{ aspectRatio: `${width} / ${height}` }}>
      {src ? <img className="page" src={src} alt={alt} width={width} height={height} /> : null}
    </div>
  );
}
