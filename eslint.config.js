import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// The layers, enforced here rather than hoped for (as VS Code does with its layer rules):
// - only the Electron shell imports electron, so that the capture core, the records and the CLI run
//   and are tested in plain Node;
// - src/shared is the contract: it imports only itself (and zod), never main, preload or renderer;
// - the renderer talks to main only through the contract, so it imports nothing of main or preload;
// - no import circles anywhere in src.
const SHELL = ['src/main/index.ts', 'src/main/electron/**', 'src/preload/**'];
const ELECTRON = {
  paths: [{ name: 'electron', message: 'Only the shell (src/main/index.ts, src/main/electron/, src/preload/) may import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only the shell may import electron.' }],
};
/**
 * The folders of src/main, lowest first, and the folders each may import (its own and the files at
 * src/main's top, such as resources.ts and http.ts, always). A folder never imports one above it,
 * type imports counted, so no two folders look at each other. README, "Development", draws it.
 */
const MAIN_LAYERS = {
  platforms: [],
  rounds: [],
  record: ['platforms'],
  evidence: [],
  archive: ['record', 'evidence', 'platforms'],
  capture: ['archive', 'evidence', 'record', 'platforms'],
  handover: ['archive', 'evidence', 'record', 'platforms'],
  register: ['archive', 'platforms'],
  replay: ['archive'],
  pipeline: ['capture', 'handover', 'archive', 'evidence', 'record', 'platforms', 'rounds'],
  api: ['pipeline', 'capture', 'handover', 'register', 'replay', 'archive', 'evidence', 'record', 'platforms', 'rounds'],
  cli: ['pipeline', 'capture', 'handover', 'register', 'archive', 'evidence', 'record', 'platforms', 'rounds'],
  electron: ['api', 'replay', 'rounds'],
};
const FOLDERS = Object.keys(MAIN_LAYERS);
const layerRule = (folder, allowed) => ({
  files: [`src/main/${folder}/**`],
  rules: {
    'import-x/no-restricted-paths': ['error', {
      zones: FOLDERS.filter((other) => other !== folder && !allowed.includes(other)).map((other) => ({
        target: `./src/main/${folder}`,
        from: `./src/main/${other}`,
        message: `src/main/${folder} may not import src/main/${other}: it is a layer above or beside it (MAIN_LAYERS in eslint.config.js).`,
      })),
    }],
  },
});

/** A relative import that climbs into one of the given top folders of src. */
const into = (...folders) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message: `Import this through src/shared, not from src/${folders.join(' or src/')}.` });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: SHELL,
    rules: { 'no-restricted-imports': ['error', ELECTRON] },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        ...ELECTRON,
        patterns: [...ELECTRON.patterns, into('main', 'preload', 'renderer'), { regex: '^(?!zod$|\\./)', message: 'src/shared imports only itself and zod.' }],
      }],
    },
  },
  {
    files: ['src/renderer/**'],
    rules: { 'no-restricted-imports': ['error', { ...ELECTRON, patterns: [...ELECTRON.patterns, into('main', 'preload')] }] },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  ...Object.entries(MAIN_LAYERS).map(([folder, allowed]) => layerRule(folder, allowed)),
  {
    // The page code runs inside the captured page, bundled on its own (scripts/page-script.mjs): it can
    // import only its own modules, and types, which the bundle drops.
    files: ['src/main/capture/page/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)', allowTypeImports: true, message: 'The page code runs in the captured page: it imports only its own modules (and types).' }] }],
    },
  },
  {
    // Node reaches the page code only through its contract (page/api.ts) and page-helpers.ts, never its DOM modules.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'test/**/*.ts'],
    ignores: ['src/main/capture/page/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '(^\\./|/capture/)page/(?!api$)', message: 'Call the page code through page-helpers.ts; only page/api.ts (its types) is for Node.' }] }],
    },
  },
  {
    // The files at src/main's top are the base every folder stands on; only the shell (index.ts) stands above them.
    files: ['src/main/*.ts'],
    ignores: ['src/main/index.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', {
        zones: FOLDERS.map((other) => ({ target: './src/main', from: `./src/main/${other}`, message: `The files at src/main's top are the base: they import no folder of src/main (here src/main/${other}).` })),
      }],
    },
  },
);
