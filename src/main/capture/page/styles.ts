import { changed, hidden, state, unstuck } from './state';

/** Sets an inline style with !important, remembering what it was, so that restore() gives it back. */
export function setStyle(el: Element, prop: string, value: string): void {
  const style = (el as HTMLElement).style;
  if (!style) return;
  let props = changed.get(el as HTMLElement);
  if (!props) changed.set(el as HTMLElement, (props = new Map()));
  if (!props.has(prop)) props.set(prop, [style.getPropertyValue(prop), style.getPropertyPriority(prop)]);
  style.setProperty(prop, value, 'important');
}

export function resetStyle(el: HTMLElement, prop: string): void {
  const before = changed.get(el)?.get(prop);
  if (!before) return;
  changed.get(el)!.delete(prop);
  if (before[0]) el.style.setProperty(prop, before[0], before[1]);
  else el.style.removeProperty(prop);
}

export function hide(el: Element): void {
  if (hidden.has(el)) return;
  hidden.add(el);
  setStyle(el, 'visibility', 'hidden');
}

/** What `look` sees with our hiding of `els` lifted for the moment, as the page itself shows them. */
export function withoutOurHiding<T>(els: Element[], look: () => T): T {
  for (const el of els) resetStyle(el as HTMLElement, 'visibility');
  try {
    return look();
  } finally {
    for (const el of els) setStyle(el, 'visibility', 'hidden');
  }
}

/** Gives the page back as it was, for the saved MHTML copy. */
export function restore(): void {
  for (const [el, props] of changed) for (const prop of [...props.keys()]) resetStyle(el, prop);
  changed.clear();
  hidden.clear();
  unstuck.clear();
  state.anchors = [];
}
