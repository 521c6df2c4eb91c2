#!/usr/bin/env node
// Runs the command line from the TypeScript sources through tsx, so `npx kanalarkiv` works right
// after `npm install`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main/cli/entry.ts');
process.exitCode = await runCli(process.argv.slice(2));
