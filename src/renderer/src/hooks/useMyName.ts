import { useState } from 'react';
import type { Channel } from '../../../shared/channel';

const KEY = 'kanalarkiv.myName';

/**
 * The page owner's own name as the register writes it among a channel's owners, for "Mina kanaler":
 * personal, so it is kept in this user's app (its local storage), not in the shared archive.
 */
export function useMyName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => localStorage.getItem(KEY) ?? '');
  return [name, (next) => {
    localStorage.setItem(KEY, next);
    setName(next);
  }];
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');

/** Whether `name` is one of the channel's owners or its page owner. */
export const isMine = (channel: Channel, name: string) => name.trim() !== '' && [...channel.owners, channel.pageOwner].some((owner) => same(owner, name));
