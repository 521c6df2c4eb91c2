import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { PLATFORMS, type Channel, type Platform } from '../../shared/channel';
import { platformOfUrl } from '../platforms';
import type { IssueCode, RegisterIssue } from '../../shared/register';

/** zod's issue kinds, in the register's words. */
function issueCode(issue: z.core.$ZodIssue): IssueCode {
  if (issue.code === 'too_big' && issue.path[0] !== 'intervalMonths') return 'too_long';
  if (issue.code === 'too_small' && issue.path[0] !== 'intervalMonths') return 'missing';
  if (issue.code === 'invalid_format') return 'invalid_id';
  if (issue.code === 'custom') return (issue.params?.code as IssueCode | undefined) ?? 'reserved_id';
  if (issue.path[0] === 'platform') return 'invalid_platform';
  if (issue.path[0] === 'intervalMonths') return 'invalid_value';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'missing';
  return 'invalid_value';
}

export class ChannelListError extends Error {
  constructor(
    readonly source: string,
    readonly issues: RegisterIssue[],
  ) {
    super(`${source}: ${issues.map((i) => `${i.entry}, field "${i.field}": ${i.message}`).join('; ')}`);
  }
}

export interface ChannelList {
  channels: Channel[];
  /** Things worth fixing that do not stop a capture (fewer than two owners, platform mismatch). */
  warnings: RegisterIssue[];
}

/**
 * Channel ids become folder names in the archive, so they are restricted to characters that are safe
 * on every file system and can never climb out of the archive folder.
 */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** Control characters (an escape sequence, a bell) have no place in a name or an address, and would act on the terminal or the PDF that shows them; notes may hold tabs and line breaks. */
const CONTROL = /\p{Cc}/u;
const CONTROL_IN_NOTES = /(?![\t\n])\p{Cc}/u;
const noControl = (pattern: RegExp) => (value: string) => !pattern.test(value);
const controlMessage = { message: 'holds a control character (such as an escape sequence); remove it', params: { code: 'control_chars' } };
const text = z.string().trim().refine(noControl(CONTROL), controlMessage);
/** A name as a person writes it; records, receipts and folder listings show it, so it has a sane length. */
const short = (max: number) => text.max(max, `is longer than ${max} characters; shorten it`);
const entrySchema = z.object({
  id: text.min(1, { message: 'is missing', abort: true }).regex(ID_PATTERN, 'may only hold letters a–z, digits, "-" and "_" (at most 64), starting with a letter or digit')
    .refine((id) => !WINDOWS_RESERVED.test(id), 'is a reserved name on Windows; choose another'),
  name: short(200).min(1, 'is missing'),
  platform: z.enum(PLATFORMS, { error: `must be one of ${PLATFORMS.join(', ')}` }).optional(),
  url: short(2_000).min(1, 'is missing'),
  unit: short(200).min(1, 'is missing (which unit or administration runs the channel?)'),
  owners: z.array(short(200).min(1)).max(20, 'lists more than 20 owners').default([]),
  pageOwner: short(200).default(''),
  notes: z.string().trim().refine(noControl(CONTROL_IN_NOTES), controlMessage).max(2_000, 'is longer than 2000 characters; shorten it').default(''),
  active: z.boolean().default(true),
  intervalMonths: z.number({ error: 'must be a whole number of months from 1 to 12' }).int('must be a whole number of months from 1 to 12').min(1, 'must be a whole number of months from 1 to 12').max(12, 'must be a whole number of months from 1 to 12').optional(),
});

/** Column names accepted in spreadsheets, Swedish and English, mapped to the field they fill. */
const COLUMN_ALIASES: Record<string, keyof z.input<typeof entrySchema>> = {
  id: 'id',
  name: 'name', namn: 'name',
  platform: 'platform', plattform: 'platform',
  url: 'url', adress: 'url', länk: 'url', lank: 'url',
  unit: 'unit', enhet: 'unit', förvaltning: 'unit', forvaltning: 'unit', verksamhet: 'unit',
  owners: 'owners', ägare: 'owners', agare: 'owners', kontoansvariga: 'owners',
  pageowner: 'pageOwner', page_owner: 'pageOwner', 'page owner': 'pageOwner', sidansvarig: 'pageOwner',
  notes: 'notes', anteckningar: 'notes', kommentar: 'notes',
  active: 'active', aktiv: 'active',
  interval: 'intervalMonths', intervalmonths: 'intervalMonths', intervall: 'intervalMonths', 'intervall (månader)': 'intervalMonths',
};

const TRUE_WORDS = new Set(['', 'true', 'yes', 'ja', '1', 'x', 'aktiv']);
const FALSE_WORDS = new Set(['false', 'no', 'nej', '0', 'inaktiv']);

/** Reads a channel list from a file's text; `fileName` decides JSON or CSV and names the source in messages. */
export function parseChannelList(content: string, fileName: string): ChannelList {
  const raw = readEntries(content, fileName);
  if (raw.length === 0) {
    throw new ChannelListError(fileName, [{ entry: 'file', field: '-', code: 'invalid_file', message: 'holds no channels' }]);
  }
  const { channels, warnings, issues } = checkEntries(raw);
  if (issues.length > 0) throw new ChannelListError(fileName, issues);
  return { channels, warnings };
}

/** The entries of a JSON or CSV channel list, unvalidated, each with its label ("row 3", "entry 2"). */
export function readEntries(content: string, fileName: string): RawEntry[] {
  const body = content.replace(/^\uFEFF/, '');
  const isJson = fileName.toLowerCase().endsWith('.json') || /^\s*[[{]/.test(body);
  return isJson ? readJsonEntries(body, fileName) : readCsvEntries(body, fileName);
}

export interface RawEntry {
  label: string;
  value: unknown;
  /** CSV cells past the header's columns: a value that held the separator, most likely. */
  extra?: string[];
}

function readJsonEntries(body: string, fileName: string): RawEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new ChannelListError(fileName, [{ entry: 'file', field: '-', code: 'invalid_file', message: `is not valid JSON (${(error as Error).message})` }]);
  }
  const list = Array.isArray(data) ? data : (data as { channels?: unknown })?.channels;
  if (!Array.isArray(list)) {
    throw new ChannelListError(fileName, [{ entry: 'file', field: '-', code: 'invalid_file', message: 'must be a JSON array of channels, or an object with a "channels" array' }]);
  }
  return list.map((value, i) => ({ label: `entry ${i + 1}`, value }));
}

function csvRows(body: string, fileName: string): string[][] {
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  // Excel with Swedish settings saves CSV with semicolons, and "Unicode text" with tabs.
  const count = (sep: string) => firstLine.split(sep).length - 1;
  const delimiter = [';', '\t'].reduce((best, sep) => (count(sep) > count(best) ? sep : best), ',');
  try {
    return parseCsv(body, { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new ChannelListError(fileName, [{ entry: 'file', field: '-', code: 'invalid_file', message: `is not valid CSV (${(error as Error).message})` }]);
  }
}

/**
 * The columns (CSV) or fields (JSON) of a channel list that Kanalarkiv does not know, and so does
 * not import: the preview names them, so that a column such as "ägarinfo" is not dropped unseen.
 */
export function unknownColumns(content: string, fileName: string): string[] {
  const body = content.replace(/^\uFEFF/, '');
  if (fileName.toLowerCase().endsWith('.json') || /^\s*[[{]/.test(body)) {
    const known = new Set(Object.keys(entrySchema.shape));
    const keys = readJsonEntries(body, fileName).flatMap(({ value }) => (value && typeof value === 'object' ? Object.keys(value) : []));
    return [...new Set(keys.filter((key) => !known.has(key)))];
  }
  const header = csvRows(body, fileName)[0] ?? [];
  return header.filter((h) => h.trim() !== '' && !COLUMN_ALIASES[h.trim().toLowerCase()]);
}

function readCsvEntries(body: string, fileName: string): RawEntry[] {
  const rows = csvRows(body, fileName);
  const header = rows.shift() ?? [];
  const fields = header.map((h) => COLUMN_ALIASES[h.trim().toLowerCase()]);
  const missing = (['id', 'name', 'url', 'unit'] as const).filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    throw new ChannelListError(fileName, [{
      entry: 'row 1 (header)', field: missing.join(', '), code: 'invalid_file',
      message: `column missing; the header must name the columns id, name, platform, url, unit, owners (found: ${header.join(', ') || 'nothing'})`,
    }]);
  }
  return rows.map((cells, i) => {
    const value: Record<string, unknown> = {};
    fields.forEach((field, col) => {
      if (!field) return;
      const cell = cells[col] ?? '';
      if (field === 'owners') value.owners = cell.split(/[;|,]/).map((o) => o.trim()).filter(Boolean);
      else if (field === 'active') value.active = TRUE_WORDS.has(cell.toLowerCase()) ? true : FALSE_WORDS.has(cell.toLowerCase()) ? false : cell;
      else if (field === 'platform') value.platform = cell === '' ? undefined : cell.toLowerCase();
      else if (field === 'intervalMonths') value.intervalMonths = cell === '' ? undefined : Number(cell);
      else value[field] = cell;
    });
    const extra = cells.slice(header.length).filter((c) => c !== '');
    return { label: `row ${i + 2}`, value, ...(extra.length > 0 && { extra }) };
  });
}

/** Validates entries together (ids and URLs must be unique across them); never throws. */
export function checkEntries(raw: RawEntry[]): ChannelList & { issues: RegisterIssue[] } {
  const issues: RegisterIssue[] = [];
  const warnings: RegisterIssue[] = [];
  const channels: Channel[] = [];
  const seenIds = new Map<string, string>();
  const seenUrls = new Map<string, string>();

  for (const { label, value, extra } of raw) {
    if (extra) {
      issues.push({ entry: label, field: '-', code: 'extra_cells', message: `has ${extra.length} cell(s) more than the header ("${extra.join('", "').slice(0, 120)}"); a value probably holds the separator: put that value in double quotes` });
      continue;
    }
    // Every problem of the entry at once: a bad address is named even when another field is missing too.
    const parsed = entrySchema.safeParse(value);
    const found: RegisterIssue[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ entry: label, field: issue.path.join('.') || '-', code: issueCode(issue), message: issue.message }));
    const rawUrl = parsed.success ? parsed.data.url : (value as { url?: unknown } | null)?.url;
    const url = typeof rawUrl === 'string' && !found.some((i) => i.field === 'url') ? parseHttpUrl(rawUrl) : null;
    if (url !== null && !(url instanceof URL)) found.push({ entry: label, field: 'url', ...url });
    if (!parsed.success || !(url instanceof URL)) {
      issues.push(...found);
      continue;
    }
    const entry = parsed.data;
    const hostPlatform = platformOfUrl(url);
    const platform: Platform = entry.platform ?? hostPlatform;
    if (entry.platform && hostPlatform !== 'web' && hostPlatform !== entry.platform) {
      warnings.push({ entry: label, field: 'platform', code: 'platform_mismatch', message: `is "${entry.platform}" but ${url.hostname} belongs to ${hostPlatform}; check the row` });
    }
    const idKey = entry.id.toLowerCase();
    if (seenIds.has(idKey)) found.push({ entry: label, field: 'id', code: 'duplicate_id', message: `"${entry.id}" is already used by ${seenIds.get(idKey)}; every channel needs its own id` });
    const urlKey = comparableUrl(url);
    if (seenUrls.has(urlKey)) found.push({ entry: label, field: 'url', code: 'duplicate_url', message: `${url.href} is already registered by ${seenUrls.get(urlKey)}` });
    if (found.length > 0) {
      issues.push(...found);
      continue;
    }
    seenIds.set(idKey, `${label} (id "${entry.id}")`);
    seenUrls.set(urlKey, `${label} (id "${entry.id}")`);
    if (entry.owners.length < 2) {
      warnings.push({ entry: label, field: 'owners', code: 'few_owners', message: `channel "${entry.id}" has ${entry.owners.length} owner(s); the guidelines ask for at least two` });
    }
    channels.push({ ...entry, platform, url: url.href });
  }
  return { channels, warnings, issues };
}

const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?([/?#]|$)/i;

/** The URL if it is an absolute http(s) URL (or a web address without its https://), else what is wrong with it. */
export function parseHttpUrl(input: string): URL | { code: IssueCode; message: string } {
  let url: URL;
  try {
    // An address copied from the browser's address bar often lacks its https:// (www.facebook.com/umea).
    url = new URL(BARE_HOST.test(input) ? `https://${input}` : input);
  } catch {
    return { code: 'not_a_url', message: `"${input.slice(0, 200)}" is not a web address; write it in full, e.g. https://www.facebook.com/umeakommun` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { code: 'not_http', message: `"${input}" uses ${url.protocol.replace(':', '')}; only http and https addresses can be captured` };
  }
  if (url.username || url.password) {
    // Never repeat the password: the message may end up in a log or on a screen.
    url.username = url.username ? '…' : '';
    url.password = url.password ? '…' : '';
    return { code: 'credentials_in_url', message: `"${url.href}" contains a user name or password; remove them (log in with "kanalarkiv login" instead)` };
  }
  return url;
}

/** Two spellings of the same address (case of the host, trailing slash, fragment) count as one. */
function comparableUrl(url: URL): string {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${url.host.toLowerCase().replace(/^www\./, '')}${path}${url.search}`;
}
