// Bundles the page code (src/main/capture/page/, typed modules) into the one script that
// page-helpers.ts puts into each captured page, as browsertrix-behaviors and SingleFile bundle
// theirs. The builds put the bundle in place of src/main/capture/page-script.ts: electron-vite's
// main build through `pageScriptVite`, scripts/build-cli.mjs through `pageScriptEsbuild`. Run from
// the sources (vitest, tsx), page-script.ts calls `bundlePageScript` itself.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(root, 'src/main/capture/page/install.ts');
const MODULE = path.join(root, 'src/main/capture/page-script.ts');

/** The page code as one script: an IIFE with no imports, for the Chromium the capture drives. */
export async function bundlePageScript() {
  const result = await build({ entryPoints: [ENTRY], bundle: true, write: false, format: 'iife', target: 'chrome120', charset: 'utf8', legalComments: 'none', logLevel: 'warning' });
  return result.outputFiles[0].text;
}

const moduleSource = async () => `export const pageScript = async () => ${JSON.stringify(await bundlePageScript())};\n`;

export const pageScriptVite = () => ({
  name: 'kanalarkiv-page-script',
  async load(id) {
    if (path.resolve(id.split('?')[0]) === MODULE) return moduleSource();
    return null;
  },
});

export const pageScriptEsbuild = {
  name: 'kanalarkiv-page-script',
  setup(builder) {
    builder.onLoad({ filter: /page-script\.ts$/ }, async (args) => (path.resolve(args.path) === MODULE ? { contents: await moduleSource(), loader: 'js' } : undefined));
  },
};
