#!/usr/bin/env node
// Builds the command line into out/cli/ (run by `npm run build` and by npm's `prepare` after
// `npm install`), so that `npx kanalarkiv` runs JavaScript instead of compiling the TypeScript
// sources on every start. Packages stay in node_modules; each command is its own chunk, loaded
// only when that command runs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageScriptEsbuild } from './page-script.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Chunks are named by their content: those of an earlier build would stay behind unused.
rmSync(path.join(root, 'out/cli'), { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, 'src/main/cli/entry.ts')],
  outdir: path.join(root, 'out/cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.9',
  packages: 'external',
  logLevel: 'warning',
  // The page code, bundled into the one script the capture puts into each page.
  plugins: [pageScriptEsbuild],
});
