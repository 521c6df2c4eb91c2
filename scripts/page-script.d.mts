// The types of page-script.mjs, for page-script.ts and electron.vite.config.ts.
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export function bundlePageScript(): Promise<string>;
export function pageScriptVite(): VitePlugin;
export const pageScriptEsbuild: EsbuildPlugin;
