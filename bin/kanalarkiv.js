#!/usr/bin/env node
// Runs the command line as built into out/cli/ by `npm install` (npm's prepare step) or
// `npm run build`. Where it has not been built (installed with --ignore-scripts), or a source file
// was changed since (while developing), it runs the TypeScript sources through tsx instead, which is
// slower to start but never stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath, URL } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/entry.js', import.meta.url));
// What the command line is built from; the renderer and the preload are not part of it.
const sources = ['../src/main', '../src/shared'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

function builtIsCurrent() {
  if (!existsSync(built)) return false;
  const at = statSync(built).mtimeMs;
  return sources.every((dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
    .every((entry) => !entry.isFile() || statSync(`${entry.parentPath}/${entry.name}`).mtimeMs <= at));
}

// V8 keeps the compiled code of the modules on disk (in the temp folder): a capture starts 0.2 s sooner.
module.enableCompileCache?.();

let runCli;
if (builtIsCurrent()) {
  ({ runCli } = await import(new URL('../out/cli/entry.js', import.meta.url).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/main/cli/entry.ts'));
}
process.exitCode = await runCli(process.argv.slice(2));
