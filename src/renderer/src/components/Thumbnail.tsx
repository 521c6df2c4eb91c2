import { useEffect, useRef, useState } from 'react';

/** Loads its picture only when scrolled into view, so lists of hundreds of snapshots stay fast. */
export function Thumbnail({ id, alt, width = 240 }: { id: string; alt: string; width?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting) {
        observer.disconnect();
        void window.kanalarkiv.getThumbnail(id).then(setSrc).catch(() => setSrc(''));
      }
    });
    if (ref.current) observer.observe(ref.current);
    return () => observer.disconnect();
  }, [id]);
  const height = Math.round(width * 0.75);
  return (
    <div className="thumb" ref={ref} style={{ width, height }}>
      {src ? <img src={src} alt={alt} width={width} height={height} /> : null}
    </div>
  );
}
