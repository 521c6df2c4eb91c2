import os from 'node:os';
import path from 'node:path';

/**
 * Kanalarkiv's per-user folder, the same one the desktop app uses (Electron's userData), so that a
 * login made in the app serves the command line too. KANALARKIV_HOME overrides it.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KANALARKIV_HOME) return env.KANALARKIV_HOME;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Kanalarkiv');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Kanalarkiv');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Kanalarkiv');
}

/** Where the logged-in browser profiles live, one folder per platform. */
export function defaultProfilesRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(userDataDir(env), 'profiles');
}
