import chardet from 'chardet';
import { KanalarkivError } from '../../shared/errors';

/** The encodings a channel list may come in: what Excel, LibreOffice and Google Sheets save. */
export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'windows-1252';

/**
 * Reads a channel list's bytes as text. A byte-order mark settles it (UTF-8, and UTF-16 from Excel's
 * "Unicode text"); bytes that are valid UTF-8 are UTF-8; else chardet guesses, and of its guesses
 * only the western single-byte ones are taken: Excel with Swedish settings saves "CSV" as
 * Windows-1252 (chardet names it ISO-8859-1, which Windows-1252 extends). Anything else is refused
 * rather than read as the wrong letters.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: guess below.
  }
  const guess: string[] = chardet.analyse(bytes).map((m) => m.name);
  const western = guess.find((name) => ['ISO-8859-1', 'windows-1252', 'UTF-16LE', 'UTF-16BE'].includes(name));
  if (western === 'UTF-16LE' || western === 'UTF-16BE') return { text: new TextDecoder(western.toLowerCase()).decode(bytes), encoding: western };
  if (western) return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  throw new KanalarkivError('invalid_arguments', `the file's characters are in an encoding Kanalarkiv does not read (it looks like ${guess[0] ?? 'none known'}); save it as "CSV UTF-8" and try again.`);
}
