import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { dialog, safeStorage, shell, type BrowserWindow } from 'electron';
import type { Cipher } from '../secrets';

/**
 * Secrets are sealed with the operating system's keychain (DPAPI, Keychain, libsecret) through
 * safeStorage. On Linux without a keyring safeStorage falls back to "basic_text", a key written in its
 * own source code: that is no encryption, so nothing is kept then.
 */
export const safeStorageCipher: Cipher = {
  available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (sealed) => safeStorage.decryptString(sealed),
};

/**
 * Opens the identity provider's sign-in page in the user's own browser, where their single sign-on
 * works, and never anything but https.
 * https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 */
export async function openInBrowser(url: string): Promise<void> {
  if (!/^https:\/\//.test(url)) throw new Error(`refusing to open ${url}: only https addresses open in the browser`);
  // Electronegativity's openExternal finding is answered: only https, checked above, to the configured identity provider.
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

/** The save dialog, then the file; null when the user cancels. The filter is the suggested name's kind (a receipt's PDF, the register's CSV). */
export function saveFileVia(window: BrowserWindow): (suggestedName: string, bytes: Uint8Array) => Promise<string | null> {
  return async (suggestedName, bytes) => {
    const extension = path.extname(suggestedName).slice(1).toLowerCase();
    const filters = extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [];
    const { canceled, filePath } = await dialog.showSaveDialog(window, { defaultPath: suggestedName, filters });
    if (canceled || !filePath) return null;
    await writeFile(filePath, bytes);
    return filePath;
  };
}

/** The folder dialog (a new folder may be made in it); null when the user cancels. */
export function chooseFolderVia(window: BrowserWindow): (current: string) => Promise<string | null> {
  return async (current) => {
    const { canceled, filePaths } = await dialog.showOpenDialog(window, { defaultPath: current || undefined, properties: ['openDirectory', 'createDirectory'] });
    return canceled ? null : (filePaths[0] ?? null);
  };
}
