import type { RefObject } from 'react';

interface Props {
  dialog: RefObject<HTMLDialogElement | null>;
  id: string;
  title: string;
  text: string;
  confirm: string;
  keep: string;
  onConfirm: () => void;
}

/** Asks before something that cannot be undone (a removal, a cancel, a log out): the danger button first, then the way back. */
export function ConfirmDialog({ dialog, id, title, text, confirm, keep, onConfirm }: Props) {
  return (
    <dialog ref={dialog} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p>{text}</p>
      <div className="buttons">
        <button type="button" className="danger" onClick={onConfirm}>{confirm}</button>
        <button type="button" className="secondary" onClick={() => dialog.current?.close()}>{keep}</button>
      </div>
    </dialog>
  );
}
