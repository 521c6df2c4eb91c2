/** A word of the page's visible text and where it stood, in CSS px on the full page. */
export interface Word {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
