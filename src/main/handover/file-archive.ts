import { chmod, copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { sealFolders } from '../archive/bag';
import { digestFile, listFiles, syncPath } from '../archive/files';
import { bagDigests, verifyBag } from '../archive/verify';
import { checkCancelled, type HandoverAdapter } from './deliver';
import { HandoverError } from './errors';
import { INCOMING_DIR } from '../archive/layout';

/** Copies in progress wait here, under the target; a re-run picks up where the last one stopped. */

/**
 * The file archive (often a network share): each bag is copied whole, every checksum is verified on
 * the copy, and only then is it moved into place with one rename. Nothing there is ever overwritten.
 */
export function fileArchiveAdapter(targetDir: string): HandoverAdapter {
  if (!targetDir) throw new HandoverError('settings', 'No file archive folder is set. Choose one in Settings → Handover, or give --dest DIR.', { what: 'file_archive_folder' });
  const root = path.resolve(targetDir);
  return {
    target: 'file-archive',
    destination: root,
    async deliver(items, context) {
      await mkdir(root, { recursive: true }).catch((error: Error) => {
        throw new HandoverError('unreachable', `Cannot create the file archive folder ${root}: ${error.message}. Check that the share is connected and that you may write to it.`);
      });
      for (const item of items) {
        checkCancelled(context.signal);
        await context.started(item, item.ref);
        try {
          await copyBag(item.bag, root, item.ref);
          await context.delivered(item, item.ref);
        } catch (error) {
          await context.failed(item, error);
        }
      }
    },
  };
}

async function copyBag(source: string, root: string, ref: string): Promise<void> {
  const expected = await bagDigests(source);
  const final = path.join(root, ...ref.split('/'));
  if (await exists(final)) {
    // Already there, from an earlier run whose log entry was lost, or something else entirely.
    if ((await sameManifests(final, expected)) && (await verifyBag(final)).length === 0) return;
    throw new HandoverError('target_exists', `${final} already holds a different bag; nothing was overwritten. Move it aside or choose another folder.`);
  }
  const incoming = path.join(root, INCOMING_DIR, ref.replace(/\//g, '__'));
  await mkdir(incoming, { recursive: true });
  for (const file of await listFiles(source)) {
    const from = path.join(source, file);
    const to = path.join(incoming, file);
    if (await copiedAlready(to, expected.get(file), from)) continue;
    await mkdir(path.dirname(to), { recursive: true });
    await rm(to, { force: true });
    await copyFile(from, to);
    await syncPath(to);
  }
  const problems = await verifyBag(incoming);
  if (problems.length > 0 || !(await sameManifests(incoming, expected))) {
    throw new HandoverError('rejected', `The copy of ${ref} in ${root} did not match the original (${problems[0]?.file ?? 'manifest'}); it was left in ${INCOMING_DIR} and will be copied again on the next run.`);
  }
  for (const file of await listFiles(incoming)) await chmod(path.join(incoming, file), 0o444);
  await sealFolders(path.join(incoming, 'data'));
  await mkdir(path.dirname(final), { recursive: true });
  if (await exists(final)) throw new HandoverError('target_exists', `${final} appeared while copying; nothing was overwritten.`);
  await rename(incoming, final);
  await syncPath(path.dirname(final));
}

/** A file from an interrupted copy is kept only if it is whole: same size and checksum as the manifest says. */
async function copiedAlready(copy: string, sha256: string | undefined, original: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([stat(copy), stat(original)]);
    if (a.size !== b.size) return false;
  } catch {
    return false;
  }
  const digest = (await digestFile(copy)).sha256;
  return digest === (sha256 ?? (await digestFile(original)).sha256);
}

/** Whether a bag's manifests list exactly the files, with the checksums, that `expected` lists. */
async function sameManifests(bag: string, expected: Map<string, string>): Promise<boolean> {
  try {
    const actual = await bagDigests(bag);
    return actual.size === expected.size && [...expected].every(([file, sha]) => actual.get(file) === sha);
  } catch {
    return false;
  }
}

async function exists(target: string): Promise<boolean> {
  try {
    await readdir(target);
    return true;
  } catch {
    return false;
  }
}
