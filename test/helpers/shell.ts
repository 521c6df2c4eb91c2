import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretStore, type Cipher } from '../../src/main/secrets';
import { MemoryStorage } from '../../src/main/storage';

/** The shell's services for handler tests that do not use them: nothing is kept, opened or saved. */
export function noShell() {
  return {
    secrets: new SecretStore(new MemoryStorage(), null),
    openExternal: async (url: string) => {
      throw new Error(`this test opens no browser (${url})`);
    },
    saveFile: async () => null,
    chooseFolder: async () => null,
    showWebCopy: async () => undefined,
  };
}

/** Stands in for Electron's safeStorage: real encryption (AES-256-GCM) with a key of its own. */
const key = randomBytes(32);
export const testCipher: Cipher = {
  available: () => true,
  encrypt: (plain) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  },
  decrypt: (sealed) => {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  },
};
