/** A word of the page's visible text and where it stood, in CSS px on the full page. */
export interface Word {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The block of the page it stands in (see capture/page/api.ts RawWord); absent in records made before blocks were kept. */
  block?: number;
}
