import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Where the app keeps its settings and channel register. The core sees only this; the desktop app
 * implements it with electron-store, tests and the command line with a JSON file or memory.
 */
export interface Storage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export class MemoryStorage implements Storage {
  private readonly data = new Map<string, unknown>();
  get(key: string): unknown {
    return structuredClone(this.data.get(key));
  }
  set(key: string, value: unknown): void {
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
  get(key: string): unknown {
    return this.read()[key];
  }
  set(key: string, value: unknown): void {
    const data = { ...this.read(), [key]: value };
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify(data, null, 2)}\n`);
    renameSync(`${this.file}.tmp`, this.file);
  }
}
