import type { Channel } from '../../shared/channel';
import type { Storage } from '../storage';
import { checkEntries, readEntries } from './channels';
import type { ImportPreview, RegisterIssue } from '../../shared/register';

const KEY = 'channels' as const;

/**
 * The channel register: the municipality's list of channels, kept in a Storage. Every change is
 * validated by the same rules as a channel file, against the channels already registered.
 */
export class ChannelRegister {
  constructor(private readonly storage: Storage) {}

  list(): Channel[] {
    return this.storage.get(KEY) ?? [];
  }

  /**
   * Adds a channel, or replaces the one with id `replacing`. Returns the saved channel and its
   * warnings, or the problems per field when it cannot be saved.
   */
  save(input: unknown, replacing?: string): { channel: Channel; warnings: RegisterIssue[] } | { issues: RegisterIssue[] } {
    const others = this.list().filter((c) => c.id !== replacing);
    const label = 'new';
    const result = checkEntries([...others.map((c) => ({ label: `registered ${c.id}`, value: c })), { label, value: input }]);
    const issues = result.issues.filter((i) => i.entry === label);
    if (issues.length > 0) return { issues };
    const channel = result.channels.at(-1)!;
    const channels = this.list();
    const index = channels.findIndex((c) => c.id === replacing);
    if (index >= 0) channels[index] = channel;
    else channels.push(channel);
    this.storage.set(KEY, channels);
    return { channel, warnings: result.warnings.filter((w) => w.entry === label) };
  }

  /** What importing a JSON or CSV channel list would do, row by row; nothing is changed. */
  previewImport(content: string, fileName: string): Omit<ImportPreview, 'encoding'> {
    const raw = readEntries(content, fileName);
    const existing = this.list().map((c) => ({ label: `registered ${c.id}`, value: c }));
    const result = checkEntries([...existing, ...raw]);
    const rows = raw.map(({ label, value }) => ({
      entry: label,
      channel: (value ?? {}) as Partial<Channel>,
      issues: result.issues.filter((i) => i.entry === label),
      warnings: result.warnings.filter((w) => w.entry === label),
    }));
    return { rows, importable: rows.filter((r) => r.issues.length === 0).length };
  }

  /** Adds the rows of a channel list that have no problems; returns how many were added. */
  importRows(content: string, fileName: string): number {
    const registered = this.list();
    const result = checkEntries([...registered.map((c) => ({ label: `registered ${c.id}`, value: c })), ...readEntries(content, fileName)]);
    // Rows with problems are left out by checkEntries, and a valid row never reuses a registered id.
    const known = new Set(registered.map((c) => c.id));
    const added = result.channels.filter((c) => !known.has(c.id));
    this.storage.set(KEY, [...registered, ...added]);
    return added.length;
  }
}
