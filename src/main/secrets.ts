import type { Storage } from './storage';

/**
 * Encrypts secrets at rest. The desktop app implements it with Electron's safeStorage (the
 * operating system's keychain: DPAPI on Windows, Keychain on macOS, libsecret on Linux).
 */
export interface Cipher {
  available(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/** Passwords and sign-in tokens, kept only encrypted; without a working cipher nothing is kept. */
export class SecretStore {
  constructor(
    private readonly storage: Storage,
    private readonly cipher: Cipher | null,
  ) {}

  get(name: string): string | null {
    const sealed = this.storage.get('secrets')?.[name];
    if (!sealed || !this.cipher?.available()) return null;
    try {
      return this.cipher.decrypt(Buffer.from(sealed, 'base64'));
    } catch {
      // Sealed on another machine or account: as good as absent.
      return null;
    }
  }

  /** Keeps a secret; returns false (and keeps nothing) when it cannot be encrypted here. */
  set(name: string, value: string | null): boolean {
    const all = { ...(this.storage.get('secrets') ?? {}) };
    if (value === null) delete all[name];
    else if (this.cipher?.available()) all[name] = this.cipher.encrypt(value).toString('base64');
    else return false;
    this.storage.set('secrets', all);
    return true;
  }
}
