import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { digestFile, listFiles, syncPath, type FileDigest } from './files';
import { BAG_INFO_FILE, BAGIT_FILE, INCOMPLETE_DIR, MANIFEST_FILE, TAG_MANIFEST_FILE } from './layout';


const CHANNEL_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export interface BagInfo {
  sourceOrganization: string;
  externalIdentifier: string;
  externalDescription: string;
  contactName?: string;
  groupIdentifier: string;
  softwareAgent: string;
}

/** A bag under construction: a private folder in the archive's .incomplete area. */
export interface DraftBag {
  root: string;
  data: string;
}

/** Starts a bag. Its folder name carries our process id, so a later run knows whether it is abandoned. */
export async function startBag(archiveDir: string): Promise<DraftBag> {
  const root = path.join(archiveDir, INCOMPLETE_DIR, `${process.pid}-${randomUUID()}`);
  const data = path.join(root, 'data');
  await mkdir(data, { recursive: true });
  return { root, data };
}

/** Removes a bag that will not be finished (failed or cancelled capture). */
export async function discardBag(draft: DraftBag): Promise<void> {
  await unseal(draft.root);
  await rm(draft.root, { recursive: true, force: true });
}

/** Makes a draft's folders writable again (finishBag seals them), so it can be removed. */
async function unseal(root: string): Promise<void> {
  try {
    await chmod(root, 0o755);
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    for (const e of entries) if (e.isDirectory()) await chmod(path.join(e.parentPath, e.name), 0o755);
  } catch {
    // Nothing there to unseal.
  }
}

/**
 * Finishes a bag (RFC 8493) and moves it into the archive in one rename, so that a crash at any
 * moment leaves either no snapshot or a whole one, and never touches an existing record. Files are
 * made read-only. `known` holds digests already computed for payload files (keyed "data/…").
 * Returns the bag's final folder.
 */
export async function finishBag(
  draft: DraftBag,
  archiveDir: string,
  channelId: string,
  takenAt: Date,
  info: BagInfo,
  known: ReadonlyMap<string, FileDigest> = new Map(),
): Promise<string> {
  const target = bagLocation(archiveDir, channelId, takenAt, info.externalIdentifier);
  const payload = (await listFiles(draft.data)).map((f) => `data/${f}`);
  const digests = new Map<string, FileDigest>();
  for (const file of payload) digests.set(file, known.get(file) ?? (await digestFile(path.join(draft.root, file))));

  const totalBytes = [...digests.values()].reduce((sum, d) => sum + d.bytes, 0);
  await writeFile(path.join(draft.root, BAGIT_FILE), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  await writeFile(path.join(draft.root, MANIFEST_FILE), manifestText(digests));
  await writeFile(path.join(draft.root, BAG_INFO_FILE), bagInfoText(info, takenAt, totalBytes, digests.size));
  const tags = new Map<string, FileDigest>();
  for (const tag of [BAGIT_FILE, BAG_INFO_FILE, MANIFEST_FILE]) tags.set(tag, await digestFile(path.join(draft.root, tag)));
  await writeFile(path.join(draft.root, TAG_MANIFEST_FILE), manifestText(tags));

  for (const file of [...payload, ...tags.keys(), TAG_MANIFEST_FILE]) {
    const full = path.join(draft.root, file);
    await syncPath(full);
    await chmod(full, 0o444);
  }
  await sealFolders(draft.data);
  await mkdir(path.dirname(target), { recursive: true });
  await ensureAbsent(target);
  await rename(draft.root, target);
  await syncPath(path.dirname(target));
  await chmod(target, 0o555);
  return target;
}

/** Where a snapshot's bag goes: <archive>/<channel id>/<UTC time>-<id prefix>/. */
export function bagLocation(archiveDir: string, channelId: string, takenAt: Date, snapshotId: string): string {
  if (!CHANNEL_ID.test(channelId)) throw new Error(`"${channelId}" cannot be used as a channel id in the archive`);
  const stamp = takenAt.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '');
  const target = path.resolve(archiveDir, channelId, `${stamp}-${snapshotId.slice(0, 8)}`);
  if (path.relative(path.resolve(archiveDir), target).startsWith('..')) throw new Error('snapshot would land outside the archive');
  return target;
}

/**
 * Deletes what crashed or killed runs left in .incomplete; never a folder whose process still runs,
 * and never a bag whose tag manifest was written (a crash just before its move into place): that is
 * a finished record, which verify reports. Returns the folders removed.
 */
export async function removeAbandonedBags(archiveDir: string): Promise<string[]> {
  const area = path.join(archiveDir, INCOMPLETE_DIR);
  let names: string[];
  try {
    names = await readdir(area);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (draftOfRunningCapture(name)) continue;
    const root = path.join(area, name);
    if ((await readdir(root).catch(() => [] as string[])).includes(TAG_MANIFEST_FILE)) continue;
    await discardBag({ root, data: path.join(root, 'data') });
    removed.push(name);
  }
  return removed;
}

/** Drafts are named <process id>-<uuid> (startBag): one whose process still runs is being written. */
export function draftOfRunningCapture(name: string): boolean {
  const pid = Number(name.split('-')[0]);
  return pid === process.pid || (Number.isInteger(pid) && pid > 0 && isRunning(pid));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ensureAbsent(target: string): Promise<void> {
  try {
    await readdir(target);
  } catch {
    return;
  }
  throw new Error(`a snapshot already exists at ${target}; records are never overwritten`);
}

/** Makes the top folder of each bag read-only again where a kill right after its move left it writable. */
export async function resealBags(archiveDir: string, refs: string[]): Promise<void> {
  for (const ref of refs) {
    const folder = path.join(archiveDir, ...ref.split('/'));
    const { mode } = await stat(folder).catch(() => ({ mode: 0 }));
    if (mode & 0o222) await chmod(folder, 0o555).catch(() => undefined);
  }
}

/** Makes a folder and everything below it read-only, deepest first. */
export async function sealFolders(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => path.join(e.parentPath, e.name));
  // Deepest first, so each folder is still writable while its children are sealed.
  for (const folder of folders.sort((a, b) => b.length - a.length)) await chmod(folder, 0o555);
  await chmod(dir, 0o555);
}

/** RFC 8493 §2.1.3: CR, LF and % in file names are percent-encoded in manifests. */
export function encodeManifestPath(file: string): string {
  return file.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function manifestText(digests: ReadonlyMap<string, FileDigest>): string {
  return [...digests].map(([file, d]) => `${d.sha256}  ${encodeManifestPath(file)}\n`).join('');
}

function bagInfoText(info: BagInfo, takenAt: Date, bytes: number, files: number): string {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const lines: Array<[string, string | undefined]> = [
    ['Source-Organization', info.sourceOrganization],
    ['Contact-Name', info.contactName],
    ['External-Description', info.externalDescription],
    ['External-Identifier', info.externalIdentifier],
    ['Bag-Group-Identifier', info.groupIdentifier],
    ['Bagging-Date', takenAt.toISOString().slice(0, 10)],
    ['Bag-Software-Agent', info.softwareAgent],
    ['Payload-Oxum', `${bytes}.${files}`],
  ];
  return lines.filter(([, v]) => v).map(([k, v]) => `${k}: ${oneLine(v!)}\n`).join('');
}
