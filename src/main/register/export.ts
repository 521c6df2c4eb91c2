import type { Channel } from '../../shared/channel';
import { csv } from '../csv';
import { PLATFORM_NAMES } from '../platforms/names';

const byUnitAndName = (a: Channel, b: Channel) => a.unit.localeCompare(b.unit, 'sv') || a.name.localeCompare(b.name, 'sv');

/** The columns of an exported register, named as the import reads them (register/channels.ts), so an export imports again. */
const COLUMNS: Array<[string, (c: Channel) => string]> = [
  ['id', (c) => c.id],
  ['namn', (c) => c.name],
  ['plattform', (c) => c.platform],
  ['adress', (c) => c.url],
  ['enhet', (c) => c.unit],
  ['ägare', (c) => c.owners.join(', ')],
  ['sidansvarig', (c) => c.pageOwner],
  ['anteckningar', (c) => c.notes],
  ['aktiv', (c) => (c.active ? 'ja' : 'nej')],
  ['intervall (månader)', (c) => (c.intervalMonths ? String(c.intervalMonths) : '')],
];

/** The public list's columns: what the municipality shows on its website, without the people behind each account. */
const PUBLIC_COLUMNS: Array<[string, (c: Channel) => string]> = [
  ['Konto', (c) => c.name],
  ['Plattform', (c) => PLATFORM_NAMES[c.platform] ?? c.platform],
  ['Adress', (c) => c.url],
  ['Ansvarig enhet', (c) => c.unit],
];

/**
 * The register as CSV the way Excel with Swedish settings opens it: semicolons, CRLF, and a BOM so
 * that å, ä and ö survive; every cell made inert against formula injection.
 */
export function channelsCsv(channels: Channel[], audience: 'register' | 'public' = 'register'): string {
  const columns = audience === 'public' ? PUBLIC_COLUMNS : COLUMNS;
  const rows = [columns.map(([name]) => name), ...[...channels].sort(byUnitAndName).map((c) => columns.map(([, value]) => value(c)))];
  return `\uFEFF${rows.map((cells) => cells.map(csv).join(';')).join('\r\n')}\r\n`;
}

/** The register as a channel list in JSON, which `--channels` and the import read. */
export function channelsJson(channels: Channel[]): string {
  const plain = channels.map(({ id, name, platform, url, unit, owners, pageOwner, notes, active, intervalMonths }) => ({ id, name, platform, url, unit, owners, pageOwner, notes, active, ...(intervalMonths && { intervalMonths }) }));
  return `${JSON.stringify({ channels: plain }, null, 2)}\n`;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' });

/**
 * The public list of the municipality's accounts, as the guidelines ask it to keep on its website:
 * a plain HTML fragment (a heading and a table with a caption and header cells, no styles or
 * scripts) that the website's editor can paste as it is and style as the site does.
 */
export function channelsHtml(channels: Channel[], organisation: string, at: Date): string {
  const owner = organisation.trim() || 'Kommunen';
  const rows = [...channels].sort(byUnitAndName).map((c) =>
    `      <tr>\n        <td><a href="${escape(c.url)}">${escape(c.name)}</a></td>\n        <td>${escape(PLATFORM_NAMES[c.platform] ?? c.platform)}</td>\n        <td>${escape(c.unit)}</td>\n      </tr>`);
  return [
    `<section lang="sv" aria-labelledby="sociala-medier-rubrik">`,
    `  <h2 id="sociala-medier-rubrik">${escape(owner)} i sociala medier</h2>`,
    `  <p>${escape(owner)} har ${channels.length === 1 ? 'ett konto' : `${channels.length} konton`} i sociala medier. Listan uppdaterades ${day.format(at)}.</p>`,
    `  <table>`,
    `    <caption>${escape(owner)}s konton i sociala medier</caption>`,
    `    <thead>\n      <tr>\n        <th scope="col">Konto</th>\n        <th scope="col">Plattform</th>\n        <th scope="col">Ansvarig enhet</th>\n      </tr>\n    </thead>`,
    `    <tbody>\n${rows.join('\n')}\n    </tbody>`,
    `  </table>`,
    `</section>`,
    '',
  ].join('\n');
}
