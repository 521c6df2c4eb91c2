import { describe, expect, it } from 'vitest';
import { parseChannelList } from '../../../src/main/register/channels';
import { decodeText } from '../../../src/main/register/encoding';

const CSV = 'id;namn;plattform;adress;enhet;ägare\nkultur-x;Kommunen på X;x;https://x.com/umea;Kulturförvaltningen;Åsa Öberg, Per Holm\n';

/** The channel list as each program saves it (Excel's "CSV", "CSV UTF-8" and "Unicode text"; LibreOffice and Google Sheets save UTF-8). */
const SAVED: Array<[string, Uint8Array, string]> = [
  ['Excel "CSV" with Swedish settings (Windows-1252)', new Uint8Array(Buffer.from(CSV, 'latin1')), 'windows-1252'],
  ['Excel "CSV UTF-8" (with a byte-order mark)', new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')])), 'UTF-8'],
  ['LibreOffice and Google Sheets (UTF-8)', new Uint8Array(Buffer.from(CSV, 'utf8')), 'UTF-8'],
  ['Excel "Unicode text" (UTF-16, tabs)', new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV.replaceAll(';', '\t'), 'utf16le')])), 'UTF-16LE'],
];

describe('reading a channel list in the encoding it was saved in', () => {
  it.each(SAVED)('%s', (_, bytes, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe(encoding);
    const [channel] = parseChannelList(decoded.text, 'kanaler.csv').channels;
    expect(channel).toMatchObject({ name: 'Kommunen på X', unit: 'Kulturförvaltningen', owners: ['Åsa Öberg', 'Per Holm'] });
  });
});
