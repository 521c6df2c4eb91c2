import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

/**
 * The folder of files shipped with Kanalarkiv (fonts, colour profile). Found by walking up from this
 * module, so it works from the sources (tsx, vitest) and from the electron-vite bundle alike; a
 * packaged app sets KANALARKIV_RESOURCES.
 */
export function resourcesDir(): string {
  if (found) return found;
  const fromEnv = process.env.KANALARKIV_RESOURCES;
  if (fromEnv && existsSync(path.join(fromEnv, 'fonts'))) return (found = fromEnv);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'resources');
    if (existsSync(path.join(candidate, 'fonts', 'DejaVuSans.ttf'))) return (found = candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Kanalarkiv\'s resources folder (fonts, colour profile) was not found; reinstall Kanalarkiv.');
    dir = parent;
  }
}

let version: string | undefined;

/** Kanalarkiv's name and version (from package.json, beside resources/), for the records' provenance. */
export function tool(): { name: string; version: string } {
  version ??= (JSON.parse(readFileSync(path.join(resourcesDir(), '..', 'package.json'), 'utf8')) as { version: string }).version;
  return { name: 'Kanalarkiv', version };
}

/** "Kanalarkiv 0.1.0": the software that made a record, a web copy or a package. */
export function softwareName(): string {
  const { name, version } = tool();
  return `${name} ${version}`;
}
