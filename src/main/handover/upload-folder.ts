import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { digestFile, syncPath } from '../archive/files';
import { csv } from '../csv';
import { checkCancelled, type HandoverAdapter } from './deliver';
import { HandoverError } from './errors';
import type { HandoverItem } from './items';
import { placeUnder, recordFileNames, safeName } from './place';

export const METADATA_CSV = 'kanalarkiv-metadata.csv';
const COLUMNS = ['Fil', 'Titel', 'Datum', 'Enhet', 'Kanal', 'Plattform', 'Adress', 'Omgång', 'Anledning', 'SHA-256', 'Ögonblicksbild'];

/**
 * Platina's "upload structure": a folder per round with the records as PDFs named by their titles,
 * and a metadata file (semicolon CSV, as Excel and Platina's import read it) describing each one.
 */
export function uploadFolderAdapter(targetDir: string): HandoverAdapter {
  if (!targetDir) throw new HandoverError('settings', 'No upload folder is set. Choose one in Settings → Handover, or give --dest DIR.', { what: 'upload_folder' });
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

/** Copies the record in under its title, checked by checksum, without ever replacing a file. */
async function placeRecord(item: HandoverItem, folder: string): Promise<string> {
  const temp = path.join(folder, `.${item.sha256}.partial`);
  await copyFile(item.recordFile, temp);
  await syncPath(temp);
  if ((await digestFile(temp)).sha256 !== item.sha256) {
    await rm(temp, { force: true });
    throw new HandoverError('rejected', `The copy of ${item.title} in ${folder} did not match the record; try again.`);
  }
  return placeUnder(temp, folder, recordFileNames(item.title, item.metadata.capture.startedAt), '.pdf', item.sha256);
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
  const row = [file, item.title, capture.startedAt, channel.unit, channel.name, channel.platform, channel.url, round ?? '', reason, item.sha256, item.ref];
  const temp = `${csvFile}.partial`;
  await writeFile(temp, `${text}${row.map(csv).join(';')}\r\n`);
  await syncPath(temp);
  await rename(temp, csvFile);
}

