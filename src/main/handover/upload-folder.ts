import { constants } from 'node:fs';
import { copyFile, link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { digestFile, syncPath } from '../archive/files';
import { checkCancelled, type HandoverAdapter } from './deliver';
import { HandoverError } from './errors';
import type { HandoverItem } from './items';

export const METADATA_CSV = 'kanalarkiv-metadata.csv';
const COLUMNS = ['Fil', 'Titel', 'Datum', 'Enhet', 'Kanal', 'Plattform', 'Adress', 'Omgång', 'Anledning', 'SHA-256', 'Ögonblicksbild'];

/**
 * Platina's "upload structure": a folder per round with the records as PDFs named by their titles,
 * and a metadata file (semicolon CSV, as Excel and Platina's import read it) describing each one.
 */
export function uploadFolderAdapter(targetDir: string): HandoverAdapter {
  if (!targetDir) throw new HandoverError('settings', 'No upload folder is set. Choose one in Settings → Handover, or give --dest DIR.');
  const root = path.resolve(targetDir);
  return {
    target: 'folder',
    destination: root,
    async deliver(items, context) {
      const rounds = new Map<string, HandoverItem[]>();
      for (const item of items) rounds.set(roundFolder(item), [...(rounds.get(roundFolder(item)) ?? []), item]);
      for (const [folderName, roundItems] of rounds) {
        const folder = path.join(root, folderName);
        await mkdir(folder, { recursive: true }).catch((error: Error) => {
          throw new HandoverError('unreachable', `Cannot create ${folder}: ${error.message}. Check the folder and your right to write to it.`);
        });
        for (const item of roundItems) {
          checkCancelled(context.signal);
          try {
            const file = await placeRecord(item, folder);
            await appendMetadata(folder, item, file);
            await context.delivered(item, `${folderName}/${file}`);
          } catch (error) {
            await context.failed(item, error);
          }
        }
      }
    },
  };
}

const roundFolder = (item: HandoverItem) => safeName(item.metadata.round ?? 'Utanför omgång');

/** Windows forbids these in file names; titles can hold any of them through a channel's name. */
const safeName = (name: string) => name.replace(/[<>:"/\\|?*\p{Cc}]/gu, '-').replace(/[. ]+$/, '').trim();

/**
 * Copies the record in under its title without ever replacing a file: a copy verified by checksum is
 * linked into place, which fails if the name is taken. The same record already there counts as placed.
 */
async function placeRecord(item: HandoverItem, folder: string): Promise<string> {
  const temp = path.join(folder, `.${item.sha256}.partial`);
  await copyFile(item.recordFile, temp);
  await syncPath(temp);
  if ((await digestFile(temp)).sha256 !== item.sha256) {
    await rm(temp, { force: true });
    throw new HandoverError('rejected', `The copy of ${item.title} in ${folder} did not match the record; try again.`);
  }
  try {
    for (let n = 1; ; n++) {
      const name = `${safeName(item.title)}${n === 1 ? '' : ` (${n})`}.pdf`;
      const target = path.join(folder, name);
      try {
        await placeWithoutReplacing(temp, target);
        return name;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if ((await digestFile(target)).sha256 === item.sha256) return name;
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

/** Adds the record's row to the round's metadata file (rewritten whole through a temporary file). */
async function appendMetadata(folder: string, item: HandoverItem, file: string): Promise<void> {
  const csvFile = path.join(folder, METADATA_CSV);
  let text: string;
  try {
    text = await readFile(csvFile, 'utf8');
  } catch {
    text = `\uFEFF${COLUMNS.join(';')}\r\n`;
  }
  if (text.split('\r\n').some((line) => line.startsWith(`${csv(file)};`))) return;
  const { channel, capture, reason, round } = item.metadata;
  const row = [file, item.title, capture.startedAt, channel.unit, channel.name, channel.platform, channel.url, round ?? '', reason, item.sha256, item.snapshotId];
  const temp = `${csvFile}.partial`;
  await writeFile(temp, `${text}${row.map(csv).join(';')}\r\n`);
  await syncPath(temp);
  await rename(temp, csvFile);
}

const csv = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
