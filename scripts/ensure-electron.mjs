#!/usr/bin/env node
// Runs before `npm start` and `npm run dev`: Electron 45 no longer fetches its binary at install, and
// electron-vite reads node_modules/electron/path.txt without fetching it. Electron's own installer
// (its `install-electron` bin) does nothing when the binary is there and otherwise downloads it
// through @electron/get, which honours ELECTRON_MIRROR, electron_config_cache and the other
// variables municipal IT sets for an internal mirror.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const english = /^en/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
const say = (sv, en) => (english ? en : sv);

const installer = createRequire(import.meta.url).resolve('electron/install.js');
const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
if (result.status === 0) process.exit(0);

// The installer prints a stack trace; the user gets what went wrong and what to do, and the first
// line of the error as the detail.
const detail = (result.stderr || result.error?.message || '').split('\n').find((line) => line.trim()) ?? '';
process.stderr.write(
  say(
    `Kanalarkiv kunde inte hämta Electron, programmet som appen körs i.\n` +
      `Kontrollera internetanslutningen och starta igen. Hämtar ni Electron från en intern spegel, ange den med\n` +
      `ELECTRON_MIRROR (till exempel ELECTRON_MIRROR=https://spegel.kommun.se/electron/).\n`,
    `Kanalarkiv could not fetch Electron, the program the app runs in.\n` +
      `Check the internet connection and start again. If you fetch Electron from an internal mirror, name it with\n` +
      `ELECTRON_MIRROR (for example ELECTRON_MIRROR=https://mirror.example.org/electron/).\n`,
  ) + (detail ? `${say('Detalj', 'Detail')}: ${detail.trim()}\n` : ''),
);
process.exit(1);
