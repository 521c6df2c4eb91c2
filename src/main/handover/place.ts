import { constants } from 'node:fs';
import { copyFile, link, rm } from 'node:fs/promises';
import path from 'node:path';
import { digestFile, syncPath } from '../archive/files';

/** Windows forbids these in file names; titles can hold any of them through a channel's name. */
export const safeName = (name: string) => name.replace(/[<>:"/\\|?*\p{Cc}]/gu, '-').replace(/[. ]+$/, '').trim();

/**
 * Moves a finished temporary file into `folder` as "<base><ext>", never replacing a file: when the
 * name is taken by another file it becomes "<base> (2)<ext>" and so on; the same content already
 * there counts as placed. Returns the file name used; the temporary file is gone afterwards.
 */
export async function placeUnder(temp: string, folder: string, base: string, ext: string, sha256: string): Promise<string> {
  try {
    for (let n = 1; ; n++) {
      const name = `${base}${n === 1 ? '' : ` (${n})`}${ext}`;
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
