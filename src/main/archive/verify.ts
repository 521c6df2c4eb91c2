import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BAG_INFO_FILE, BAGIT_FILE, INCOMPLETE_DIR, MANIFEST_FILE, TAG_FILES, TAG_MANIFEST_FILE } from './layout';
import { digestFile, listFiles } from './files';
import type { ArchiveReport, BagProblem, BagReport } from '../../shared/archive';

const TAGS: ReadonlySet<string> = new Set(TAG_FILES);

/** Checks the fixity of every bag in the archive. Uses only the bags themselves, no index. */
export async function verifyArchive(archiveDir: string): Promise<ArchiveReport> {
  const bags: BagReport[] = [];
  for (const bag of await findBags(archiveDir)) {
    bags.push({ bag: path.relative(archiveDir, bag).split(path.sep).join('/'), problems: await verifyBag(bag) });
  }
  let incomplete: string[] = [];
  try {
    incomplete = await readdir(path.join(archiveDir, INCOMPLETE_DIR));
  } catch {
    // No unfinished snapshots.
  }
  return { bags, incomplete };
}

/** Every folder below `dir` that holds a bagit.txt, except the .incomplete area. */
export async function findBags(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === BAGIT_FILE)) {
      found.push(folder);
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && entry.name !== INCOMPLETE_DIR) await walk(path.join(folder, entry.name));
    }
  };
  await walk(dir);
  return found.sort();
}

/** What is wrong with one bag: changed, missing and extra files, and broken tag files. */
export async function verifyBag(bag: string): Promise<BagProblem[]> {
  const problems: BagProblem[] = [];
  const bagit = await readText(bag, BAGIT_FILE);
  if (bagit === null || !/^BagIt-Version: \d+\.\d+/m.test(bagit)) {
    problems.push({ kind: 'invalid', file: BAGIT_FILE, detail: 'missing or without a BagIt-Version line' });
  }

  const payload = await readManifest(bag, MANIFEST_FILE, problems);
  const tags = await readManifest(bag, TAG_MANIFEST_FILE, problems);
  for (const [file, expected] of [...payload, ...tags]) await checkFile(bag, file, expected, problems);

  const present = await listFiles(bag);
  for (const file of present) {
    const listed = file.startsWith('data/') ? payload.has(file) : TAGS.has(file) || tags.has(file);
    if (!listed) problems.push({ kind: 'extra', file, detail: 'is in the bag but in no manifest' });
  }

  const info = await readText(bag, BAG_INFO_FILE);
  const oxum = info?.match(/^Payload-Oxum: (\d+)\.(\d+)$/m);
  if (oxum) {
    const files = present.filter((f) => f.startsWith('data/'));
    let bytes = 0;
    for (const f of files) bytes += (await stat(path.join(bag, f))).size;
    if (Number(oxum[1]) !== bytes || Number(oxum[2]) !== files.length) {
      problems.push({ kind: 'invalid', file: BAG_INFO_FILE, detail: `Payload-Oxum says ${oxum[1]} bytes in ${oxum[2]} files, the payload has ${bytes} bytes in ${files.length}` });
    }
  }
  return problems;
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
  } catch {
    problems.push({ kind: 'missing', file, detail: 'is listed in the manifest but not in the bag' });
    return;
  }
  if (actual !== expected) problems.push({ kind: 'changed', file, detail: `SHA-256 is ${actual}, the manifest says ${expected}` });
}

async function readManifest(bag: string, name: string, problems: BagProblem[]): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
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
    return await readFile(path.join(bag, name), 'utf8');
  } catch {
    return null;
  }
}
