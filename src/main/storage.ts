import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Channel } from '../shared/channel';
import type { HandoverSettings } from '../shared/handover';
import type { Settings } from '../shared/settings';
import type { Attempt } from '../shared/rounds';

/** Everything the app keeps, by key: the one list of what is stored and in what shape. */
export interface StoredValues {
  settings: Partial<Settings>;
  channels: Channel[];
  /** Each channel's last capture attempt (rounds/overview). */
  attempts: Record<string, Attempt>;
  /** Keys of the round reminders already given. */
  remindersShown: string[];
  handover: Partial<HandoverSettings>;
  /** Encrypted secrets by name, base64 (secrets.ts). */
  secrets: Record<string, string>;
}
export type StorageKey = keyof StoredValues;

/**
 * Where the app keeps its settings and channel register. The core sees only this; the desktop app
 * implements it with electron-store, tests and the command line with a JSON file or memory.
 */
export interface Storage {
  get<K extends StorageKey>(key: K): StoredValues[K] | undefined;
  set<K extends StorageKey>(key: K, value: StoredValues[K]): void;
}

export class MemoryStorage implements Storage {
  private readonly data = new Map<StorageKey, unknown>();
  get<K extends StorageKey>(key: K): StoredValues[K] | undefined {
    return structuredClone(this.data.get(key)) as StoredValues[K] | undefined;
  }
  set<K extends StorageKey>(key: K, value: StoredValues[K]): void {
    this.data.set(key, structuredClone(value));
  }
}

/** A JSON file, rewritten whole through a temporary file so a crash never leaves it half written. */
export class JsonFileStorage implements Storage {
  constructor(private readonly file: string) {}
  private read(): Record<string, unknown> {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }
  get<K extends StorageKey>(key: K): StoredValues[K] | undefined {
    return this.read()[key] as StoredValues[K] | undefined;
  }
  set<K extends StorageKey>(key: K, value: StoredValues[K]): void {
    const data = { ...this.read(), [key]: value };
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify(data, null, 2)}\n`);
    renameSync(`${this.file}.tmp`, this.file);
  }
}
