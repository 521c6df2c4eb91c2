import { constants } from 'node:fs';
import { copyFile, link, rm } from 'node:fs/promises';
import path from 'node:path';
import { digestFile, syncPath } from '../archive/files';

/** Windows forbids these in file names; titles can hold any of them through a channel's name. */
export const safeName = (name: string) => name.replace(/[<>:"/\\|?*\p{Cc}]/gu, '-').replace(/[. ]+$/, '').trim();

/** A record's file names, best first: its title, then its title with the Swedish time ("kl. 14.05.32"), which tells two records of a day apart. */
export function recordFileNames(title: string, takenAt: string): string[] {
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'medium' }).format(new Date(takenAt)).replace(/:/g, '.');
  return [safeName(title), safeName(`${title} kl. ${time}`)];
}

/**
 * Moves a finished temporary file into `folder` as "<base><ext>", never replacing a file: when the
 * name is taken by another file it tries the next base (a record's title, then the title with its
 * time), then "<last base> (2)<ext>" and so on; the same content already there counts as placed.
 * Returns the file name used; the temporary file is gone afterwards.
 */
export async function placeUnder(temp: string, folder: string, bases: string[], ext: string, sha256: string): Promise<string> {
  const nameAt = (i: number) => (i < bases.length ? `${bases[i]}${ext}` : `${bases.at(-1)} (${i - bases.length + 2})${ext}`);
  try {
    for (let i = 0; ; i++) {
      const name = nameAt(i);
      const target = path.join(folder, name);
      try {
        await placeWithoutReplacing(temp, target);
        return name;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if ((await digestFile(target)).sha256 === sha256) return name;
      }
    }
  } finally {
    await rm(temp, { force: true });
  }
}

/** A hard link is atomic and refuses a taken name; shares without hard links get an exclusive copy. */
async function placeWithoutReplacing(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    await copyFile(temp, target, constants.COPYFILE_EXCL);
    await syncPath(target);
  }
}
