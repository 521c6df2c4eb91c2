import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BAG_FOLDER, type ArchiveReport, type BagProblem, type BagReport, type StampSummary } from '../../shared/archive';
import { bagLocation, draftOfRunningCapture } from './bag';
import { digestFile, listFiles, NOT_A_FILE, readRegularText, relativePath } from './files';
import { LOCKS_DIR } from './lock';
import { inspectStamp } from './stamp-check';
import { BAG_INFO_FILE, BAGIT_FILE, DATA_DIR, INCOMING_DIR, INCOMPLETE_DIR, MANIFEST_FILE, METADATA_FILE, TAG_FILES, TAG_MANIFEST_FILE, TIMESTAMP_FILE } from './layout';

const TAGS: ReadonlySet<string> = new Set(TAG_FILES);

/** A bag verify found, with its identity: what the inventory is held against. */
export interface FoundBag {
  bag: string;
  snapshotId: string | null;
}

/**
 * Checks every bag in the archive: its fixity, that it is whole, and that it is where its identity
 * says. A bag that cannot be read is reported, and the others are still checked; so is a link where
 * a channel folder or a bag should be (never followed), and a finished bag hidden in one of
 * Kanalarkiv's own folders (.incomplete, the locks).
 */
export async function verifyArchive(archiveDir: string, tsaRoots = ''): Promise<Omit<ArchiveReport, 'log' | 'logRemnant' | 'logStamps' | 'inventory'> & { found: FoundBag[] }> {
  const bags: BagReport[] = [];
  const found: FoundBag[] = [];
  const report = (folder: string, problem: BagProblem) => bags.push({ bag: bagName(archiveDir, folder), channelName: null, takenAt: null, problems: [problem], copy: null });
  const unreadable = (folder: string, error: unknown) => report(folder, cannotRead(error));
  const link = (at: string) => report(at, { kind: 'not_a_file', file: '.', detail: 'is a symbolic link where a channel folder or a bag should be; the archive keeps its records itself, and the link was not followed' });
  for (const bag of [...(await findBags(archiveDir, unreadable, 0, link)), ...(await hiddenBags(archiveDir))]) {
    try {
      const identity = await readIdentity(bag);
      const { problems, stamp } = await checkBag(bag, archiveDir, tsaRoots);
      bags.push({ bag: bagName(archiveDir, bag), channelName: identity?.channelName ?? null, takenAt: identity?.startedAt ?? null, snapshotId: identity?.snapshotId ?? null, problems, copy: null, ...(stamp && { stamp }) });
      found.push({ bag: bagName(archiveDir, bag), snapshotId: identity?.snapshotId ?? null });
    } catch (error) {
      unreadable(bag, error);
    }
  }
  bags.sort((x, y) => x.bag.localeCompare(y.bag));
  let incomplete: string[] = [];
  try {
    incomplete = await readdir(path.join(archiveDir, INCOMPLETE_DIR));
  } catch {
    // No unfinished snapshots.
  }
  return { bags, incomplete: incomplete.filter((name) => !found.some((f) => f.bag === `${INCOMPLETE_DIR}/${name}`)), found };
}

const bagName = (archiveDir: string, folder: string) => relativePath(archiveDir, folder) || '.';
const cannotRead = (error: unknown): BagProblem => ({ kind: 'invalid', file: '.', detail: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });

/** Folders of the archive that are never bags: unfinished snapshots, and copies being checked. */
const NOT_BAGS = new Set([INCOMPLETE_DIR, INCOMING_DIR, LOCKS_DIR]);

/**
 * Every bag below `dir`: each folder that holds a bag's tag files (even with bagit.txt deleted), or
 * a data folder with a snapshot's metadata, at any depth, and each <channel>/<folder> named like a
 * bag. A folder that cannot be read goes to `onUnreadable`, a link where a folder could be to `onLink`.
 */
export async function findBags(dir: string, onUnreadable: (folder: string, error: unknown) => void = () => undefined, depthOfDir = 0, onLink: (at: string) => void = () => undefined): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      onUnreadable(folder, error);
      return;
    }
    if (await looksLikeBag(folder, entries, depth === 2)) {
      found.push(folder);
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !NOT_BAGS.has(entry.name)) await walk(path.join(folder, entry.name), depth + 1);
      else if (entry.isSymbolicLink() && depth < 2) onLink(path.join(folder, entry.name));
    }
  };
  await walk(dir, depthOfDir);
  return found.sort();
}

async function looksLikeBag(folder: string, entries: Dirent[], atBagDepth: boolean): Promise<boolean> {
  if (entries.some((e) => TAGS.has(e.name))) return true;
  if (atBagDepth && (BAG_FOLDER.test(path.basename(folder)) || entries.some((e) => BAG_PARTS.has(e.name)))) return true;
  if (!entries.some((e) => e.name === DATA_DIR && e.isDirectory())) return false;
  return (await readdir(path.join(folder, DATA_DIR)).catch(() => [] as string[])).includes(METADATA_FILE);
}

/**
 * Finished bags in Kanalarkiv's own folders, where none belongs: a bag moved into the locks, or one a
 * crash left in .incomplete after its manifests were written. A draft of a capture still running is
 * not one, nor is a copy being checked in the incoming folder.
 */
async function hiddenBags(archiveDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const area of [INCOMPLETE_DIR, LOCKS_DIR]) {
    const root = path.join(archiveDir, area);
    const names = await readdir(root).catch(() => [] as string[]);
    for (const name of names) {
      if (area === INCOMPLETE_DIR && draftOfRunningCapture(name)) continue;
      for (const bag of await findBags(path.join(root, name), undefined, 2)) {
        if ((await readdir(bag).catch(() => [] as string[])).includes(TAG_MANIFEST_FILE)) found.push(bag);
      }
    }
  }
  return found;
}

const BAG_PARTS: ReadonlySet<string> = new Set([...TAG_FILES, DATA_DIR]);

/**
 * What is wrong with one bag: changed, missing and extra files, broken or uncovered tag files, and
 * anything that is not a plain file. Given the archive it belongs to, also whether it is where its
 * identity says (a copy being checked elsewhere has no such place).
 */
export async function verifyBag(bag: string, archiveDir?: string, tsaRoots = ''): Promise<BagProblem[]> {
  return (await checkBag(bag, archiveDir, tsaRoots)).problems;
}

/** verifyBag's problems, and what the bag's trusted timestamp says (read once for both). */
async function checkBag(bag: string, archiveDir: string | undefined, tsaRoots: string): Promise<{ problems: BagProblem[]; stamp: StampSummary | null }> {
  const problems: BagProblem[] = [];
  // Every entry is looked at before any is opened: what is not a regular file is reported and never read.
  const notFiles = new Set<string>();
  const entries = await readdir(bag, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const file = relativePath(bag, path.join(entry.parentPath, entry.name));
    if (entry.isDirectory()) {
      if ((await readdir(path.join(bag, file))).length === 0) problems.push({ kind: 'extra', file, detail: 'is an empty folder in no manifest' });
    } else if (!entry.isFile()) {
      notFiles.add(file);
      problems.push({ kind: 'not_a_file', file, detail: `is ${entry.isSymbolicLink() ? 'a symbolic link' : entry.isFIFO() ? 'a named pipe (FIFO)' : 'a device or socket'}, not a file; a bag holds only files, and it was not opened` });
    }
  }

  const bagit = notFiles.has(BAGIT_FILE) ? '' : await readText(bag, BAGIT_FILE);
  if (bagit === null || (!notFiles.has(BAGIT_FILE) && !/^BagIt-Version: \d+\.\d+/m.test(bagit))) {
    problems.push({ kind: 'invalid', file: BAGIT_FILE, detail: 'missing or without a BagIt-Version line' });
  }

  const payload = await readManifest(bag, MANIFEST_FILE, problems, notFiles);
  const tags = await readManifest(bag, TAG_MANIFEST_FILE, problems, notFiles);
  if (!problems.some((p) => p.file === TAG_MANIFEST_FILE && (p.kind === 'missing' || p.kind === 'not_a_file'))) {
    for (const tag of TAG_FILES.filter((t) => t !== TAG_MANIFEST_FILE)) {
      if (!tags.has(tag)) problems.push({ kind: 'invalid', file: TAG_MANIFEST_FILE, detail: `does not cover ${tag}, so a change to it would not show` });
    }
  }
  for (const [file, expected] of [...payload, ...tags]) if (!notFiles.has(file)) await checkFile(bag, file, expected, problems);

  const present = await listFiles(bag);
  for (const file of present) {
    // The stamp stamps the tag manifest, so no manifest can list it.
    const listed = file.startsWith(`${DATA_DIR}/`) ? payload.has(file) : TAGS.has(file) || tags.has(file) || file === TIMESTAMP_FILE;
    if (!listed) problems.push({ kind: 'extra', file, detail: 'is in the bag but in no manifest' });
  }

  const info = notFiles.has(BAG_INFO_FILE) ? null : await readText(bag, BAG_INFO_FILE);
  const oxum = info?.match(/^Payload-Oxum: (\d+)\.(\d+)$/m);
  // A payload file already reported changed, missing or extra explains a wrong Payload-Oxum: saying it twice would read as a second fault.
  const payloadReported = problems.some((p) => p.file.startsWith(`${DATA_DIR}/`) && p.kind !== 'invalid');
  if (!oxum) {
    if (!notFiles.has(BAG_INFO_FILE)) problems.push({ kind: 'invalid', file: BAG_INFO_FILE, detail: 'missing or without a Payload-Oxum line' });
  } else {
    const files = present.filter((f) => f.startsWith(`${DATA_DIR}/`));
    let bytes = 0;
    for (const f of files) bytes += (await stat(path.join(bag, f))).size;
    if (!payloadReported && (Number(oxum[1]) !== bytes || Number(oxum[2]) !== files.length)) {
      problems.push({ kind: 'invalid', file: BAG_INFO_FILE, detail: `Payload-Oxum says ${oxum[1]} bytes in ${oxum[2]} files, the payload has ${bytes} bytes in ${files.length}` });
    }
  }
  const externalId = info?.match(/^External-Identifier: (.+)$/m)?.[1]?.trim();
  const metadataFile = `${DATA_DIR}/${METADATA_FILE}`;
  const identity = notFiles.has(metadataFile) ? null : await readIdentity(bag);
  // The record's own description must be readable, whatever its checksum says: a bag bagged with a broken metadata.json is damaged too.
  if (!identity && present.includes(metadataFile)) problems.push({ kind: 'invalid', file: metadataFile, detail: 'is not a snapshot\'s metadata (not JSON, or without snapshotId, channel.id and capture.startedAt)' });
  if (externalId && identity && externalId !== identity.snapshotId) {
    problems.push({ kind: 'invalid', file: BAG_INFO_FILE, detail: `External-Identifier ${externalId} is not the snapshot id ${identity.snapshotId} in ${metadataFile}` });
  }
  if (archiveDir && identity) problems.push(...placeProblems(archiveDir, bag, identity));
  const stamp = notFiles.has(TIMESTAMP_FILE) || notFiles.has(TAG_MANIFEST_FILE) ? null : await inspectStamp(bag, identity?.startedAt ?? null, tsaRoots);
  problems.push(...(stamp?.problems ?? []));
  return { problems, stamp: stamp?.summary ?? null };
}

/**
 * Whether a bag of the archive is where its identity says: <channel id>/<time>-<first 8 of the
 * snapshot id>. A bag that was moved or renamed is reported; it is still the same record.
 */
function placeProblems(archiveDir: string, bag: string, identity: { snapshotId: string; channelId: string; startedAt: string }): BagProblem[] {
  let expected: string;
  try {
    expected = bagName(archiveDir, bagLocation(archiveDir, identity.channelId, new Date(identity.startedAt), identity.snapshotId));
  } catch {
    return [{ kind: 'invalid', file: `${DATA_DIR}/${METADATA_FILE}`, detail: `names the channel "${identity.channelId}" or the time "${identity.startedAt}", which no bag can be named by` }];
  }
  const actual = bagName(archiveDir, bag);
  return actual === expected ? [] : [{ kind: 'moved', file: '.', detail: `the bag is in ${actual}, but its identity says ${expected} (was it moved or renamed?)` }];
}

/** The bag's identity from its metadata.json, or null when that cannot be read (verifyBag reports why). */
export async function readIdentity(bag: string): Promise<{ snapshotId: string; channelId: string; channelName: string | null; startedAt: string } | null> {
  try {
    const meta = JSON.parse(await readRegularText(path.join(bag, DATA_DIR, METADATA_FILE))) as { snapshotId?: unknown; channel?: { id?: unknown; name?: unknown }; capture?: { startedAt?: unknown } };
    const { snapshotId, channel, capture } = meta;
    if (typeof snapshotId !== 'string' || typeof channel?.id !== 'string' || typeof capture?.startedAt !== 'string') return null;
    return { snapshotId, channelId: channel.id, channelName: typeof channel.name === 'string' ? channel.name : null, startedAt: capture.startedAt };
  } catch {
    return null;
  }
}

/** What a bag's manifests say every file's SHA-256 is (payload and tag files), keyed by path in the bag. */
export async function bagDigests(bag: string): Promise<Map<string, string>> {
  const problems: BagProblem[] = [];
  const digests = new Map([...(await readManifest(bag, MANIFEST_FILE, problems)), ...(await readManifest(bag, TAG_MANIFEST_FILE, problems))]);
  if (problems.length > 0) throw new Error(`${path.basename(bag)}: ${problems.map((p) => `${p.file} ${p.detail}`).join('; ')}`);
  return digests;
}

async function checkFile(bag: string, file: string, expected: string, problems: BagProblem[]): Promise<void> {
  let actual: string;
  try {
    actual = (await digestFile(path.join(bag, file))).sha256;
  } catch (error) {
    // Not a file (a link inside a linked folder, or swapped in while we looked) is said as such; anything else, as missing.
    if ((error as NodeJS.ErrnoException).code === NOT_A_FILE) problems.push({ kind: 'not_a_file', file, detail: (error as Error).message.replace(/^.* is /, 'is ') });
    else problems.push({ kind: 'missing', file, detail: 'is listed in the manifest but not in the bag' });
    return;
  }
  if (actual !== expected) problems.push({ kind: 'changed', file, detail: `SHA-256 is ${actual}, the manifest says ${expected}` });
}

async function readManifest(bag: string, name: string, problems: BagProblem[], notFiles: ReadonlySet<string> = new Set()): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  if (notFiles.has(name)) return entries;
  const text = await readText(bag, name);
  if (text === null) {
    problems.push({ kind: 'missing', file: name, detail: 'the bag has no SHA-256 manifest' });
    return entries;
  }
  for (const line of text.split('\n').filter(Boolean)) {
    const match = line.match(/^([0-9a-fA-F]{64})\s+(.+)$/);
    if (!match) {
      problems.push({ kind: 'invalid', file: name, detail: `unreadable line "${line.slice(0, 80)}"` });
      continue;
    }
    const file = match[2]!.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
    if (file.split('/').includes('..') || path.isAbsolute(file)) {
      problems.push({ kind: 'invalid', file: name, detail: `names a file outside the bag: "${file}"` });
      continue;
    }
    entries.set(file, match[1]!.toLowerCase());
  }
  return entries;
}

async function readText(bag: string, name: string): Promise<string | null> {
  try {
    return await readRegularText(path.join(bag, name));
  } catch {
    return null;
  }
}
