import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cli';

/**
 * The built command line (out/cli, made by `npm run build` and npm's prepare step) loads only what
 * a command needs: `--help` and `due` start without the browser, PDF and image libraries.
 */
const OUT = path.join(ROOT, 'out', 'cli');

/** Every module `file` loads before running, following static imports only (dynamic import() is a command's own chunk). */
function staticallyLoaded(file: string, seen = new Set<string>()): Set<string> {
  const text = readFileSync(path.join(OUT, file), 'utf8');
  for (const [, spec] of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*"([^"]+)"|^\s*import\s*"([^"]+)"/gm)) {
    if (!spec || seen.has(spec)) continue;
    seen.add(spec);
    if (spec.startsWith('./')) staticallyLoaded(spec.slice(2), seen);
  }
  return seen;
}

describe('the built command line', () => {
  it('exists after the build', () => {
    expect(existsSync(path.join(OUT, 'entry.js')), 'run npm run build').toBe(true);
  });

  it('starts without loading the heavy libraries; each command brings its own', () => {
    const atStart = [...staticallyLoaded('entry.js')];
    for (const heavy of ['playwright-core', 'pdf-lib', 'sharp', '@duckduckgo/autoconsent', 'nodemailer', 'zod']) {
      expect(atStart.filter((m) => m === heavy || m.startsWith(`${heavy}/`)), heavy).toEqual([]);
    }
    const capture = readFileSync(path.join(OUT, 'entry.js'), 'utf8').match(/import\("\.\/(capture-command-[^"]+)"\)/)?.[1];
    expect(capture).toBeDefined();
    expect([...staticallyLoaded(capture!)]).toContain('playwright-core');
  });

  it('`due` and `channels` read the register and the catalogue without the browser, PDF and image libraries', () => {
    const entry = readFileSync(path.join(OUT, 'entry.js'), 'utf8');
    for (const command of ['due', 'channels']) {
      const chunk = entry.match(new RegExp(`import\\("\\./(${command}-command-[^"]+)"\\)`))?.[1];
      expect(chunk, command).toBeDefined();
      const loaded = [...staticallyLoaded(chunk!)];
      for (const heavy of ['playwright-core', 'pdf-lib', 'sharp', '@duckduckgo/autoconsent', 'nodemailer']) {
        expect(loaded.filter((m) => m === heavy || m.startsWith(`${heavy}/`)), `${command} loads ${heavy}`).toEqual([]);
      }
    }
  });
});
