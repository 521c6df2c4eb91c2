import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { pageScriptVite } from './scripts/page-script.mjs';

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: 'src/main/index.ts' } } },
    // The page code, bundled into the one script the capture puts into each page.
    plugins: [pageScriptVite()],
  },
  preload: {
    // Sandboxed preloads cannot be ES modules.
    build: { rollupOptions: { input: { index: 'src/preload/index.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: {
    root: 'src/renderer',
    build: { rollupOptions: { input: { index: 'src/renderer/index.html' } } },
    plugins: [react()],
  },
});
