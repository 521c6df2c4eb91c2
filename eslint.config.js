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
);
