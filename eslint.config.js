import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Only the Electron shell may import electron: everything else must run in plain Node,
// so that the capture core, the records and the CLI are testable without the Electron binary.
const SHELL = ['src/main/index.ts', 'src/main/electron/**', 'src/preload/**'];

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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only the shell (src/main/index.ts, src/main/electron/, src/preload/) may import electron.' }],
          patterns: [{ group: ['electron/*'], message: 'Only the shell may import electron.' }],
        },
      ],
    },
  },
);
