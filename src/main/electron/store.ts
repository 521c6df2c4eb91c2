import Store from 'electron-store';
import type { Storage } from '../storage';

/** The app's settings and channel register, in Electron's user data folder (electron-store). */
export function createElectronStorage(): Storage {
  const store = new Store<Record<string, unknown>>({ name: 'kanalarkiv', schema: { settings: { type: 'object' }, channels: { type: 'array' }, handover: { type: 'object' }, secrets: { type: 'object' } } });
  return { get: (key) => store.get(key) as never, set: (key, value) => store.set(key, value) };
}
