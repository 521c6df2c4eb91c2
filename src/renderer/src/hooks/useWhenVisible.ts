import { useEffect, useRef, useState, type DependencyList } from 'react';

/**
 * Loads a picture only once its element comes near the view (within `margin`), so that lists of
 * hundreds of snapshots and records of dozens of pieces stay fast. The value is null until then,
 * and '' when loading failed.
 */
export function useWhenVisible(load: () => Promise<string>, deps: DependencyList, margin = '0px') {
  const [value, setValue] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting) {
        observer.disconnect();
        void load().then(setValue).catch(() => setValue(''));
      }
    }, { rootMargin: margin });
    if (ref.current) observer.observe(ref.current);
    return () => observer.disconnect();
    // The caller names what the load depends on, as with useEffect.
  }, deps);
  return { ref, value };
}
