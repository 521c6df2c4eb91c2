import os from 'node:os';
import type { Channel } from '../../shared/channel';
import { KanalarkivError } from '../../shared/errors';
import type { ChannelEdit, ImportPreview, RegisteredChannel, RegisterEvent, SaveChannelResult } from '../../shared/register';
import { LockBusyError, lockParams, withArchiveLock } from '../archive/lock';
import { checkEntries, readEntries, unknownColumns, type RawEntry } from './channels';
import { appendHistory, changedFields, readHistory, type NewRegisterEvent } from './history';
import { readRegister, REGISTER_LOCK, unknownFields, writeRegister, type RegisterDocument } from './register-file';

/** How long a change waits for another writer of the register (another user, the scheduled task). */
const WAIT_MS = 15_000;

/** Who is making a change, as the history names them: the user's login name on this computer. */
export function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? '';
  }
}

const registered = (channels: Channel[]): RawEntry[] => channels.map((c) => ({ label: `registered ${c.id}`, value: c }));

/**
 * The channel register in an archive folder, shared by the app and the command line of everyone
 * using the archive. Every change is checked by the channel-list rules against the channels already
 * registered, made under the archive's register lock from the file as it is then, and written to the
 * register's history; an edit made from a version someone has changed since is refused.
 */
export class ChannelRegister {
  constructor(
    private readonly archiveDir: string,
    /** Who makes the changes, for the history. */
    private readonly by: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<RegisteredChannel[]> {
    return (await readRegister(this.archiveDir)).channels;
  }

  /** Every change to the register, oldest first; only one channel's when `channelId` is given. */
  async history(channelId?: string): Promise<RegisterEvent[]> {
    const events = await readHistory(this.archiveDir);
    return channelId === undefined ? events : events.filter((e) => e.channelId === channelId);
  }

  /**
   * Adds a channel, or changes the registered one `edit` names, if it is still at the version the
   * edit started from. Returns the saved channel and its warnings, or the problems per field.
   */
  save(input: unknown, edit?: ChannelEdit): Promise<SaveChannelResult> {
    return this.change<SaveChannelResult>((document) => {
      const current = edit ? this.current(document, edit) : undefined;
      const others = document.channels.filter((c) => c.id !== current?.id);
      const label = 'new';
      const result = checkEntries([...registered(others), { label, value: current ? { ...(input as object), id: current.id } : input }]);
      const issues = result.issues.filter((i) => i.entry === label);
      if (issues.length > 0) return { result: { issues } };
      const warnings = result.warnings.filter((w) => w.entry === label);
      // Fields added to the file by hand are not the form's: they stay as they are.
      const checked = { ...(current && unknownFields(current)), ...result.channels.at(-1)! };
      const changes = changedFields(current ?? {}, checked);
      if (current && changes.length === 0) return { result: { channel: current, warnings } };
      const channel = this.stamp(checked, (current?.version ?? 0) + 1);
      const channels = current ? document.channels.map((c) => (c.id === current.id ? channel : c)) : [...document.channels, channel];
      const action = !current ? 'added' : current.active && !channel.active ? 'deactivated' : !current.active && channel.active ? 'reactivated' : 'changed';
      return { document: { ...document, channels }, events: [this.event(action, channel, changes)], result: { channel, warnings } };
    });
  }

  /** Removes a channel from the register; its snapshots stay in the archive, and the history keeps what it was. */
  remove(edit: ChannelEdit): Promise<void> {
    return this.change((document) => {
      const current = this.current(document, edit);
      const channels = document.channels.filter((c) => c.id !== current.id);
      return { document: { ...document, channels }, events: [this.event('removed', current, changedFields(current, {}))], result: undefined };
    });
  }

  /** What importing a JSON or CSV channel list would do, row by row; nothing is changed. */
  async previewImport(content: string, fileName: string): Promise<Omit<ImportPreview, 'encoding'>> {
    return { ...(await this.preview(readEntries(content, fileName))), unknownColumns: unknownColumns(content, fileName) };
  }

  /** What adding `raw` would do, row by row; nothing is changed. */
  async preview(raw: RawEntry[]): Promise<Omit<ImportPreview, 'encoding' | 'unknownColumns'>> {
    const result = checkEntries([...registered(await this.list()), ...raw]);
    const rows = raw.map(({ label, value }) => ({
      entry: label,
      channel: (value ?? {}) as Partial<Channel>,
      issues: result.issues.filter((i) => i.entry === label),
      warnings: result.warnings.filter((w) => w.entry === label),
    }));
    return { rows, importable: rows.filter((r) => r.issues.length === 0).length };
  }

  /** Adds the rows of a channel list that have no problems; returns the ids added. */
  importRows(content: string, fileName: string): Promise<string[]> {
    return this.addAll(readEntries(content, fileName), 'imported');
  }

  /**
   * Adds the entries that have no problems (a row whose id or address is registered is one), as
   * `action` in the history; returns the ids added.
   */
  addAll(entries: RawEntry[], action: 'imported' | 'moved'): Promise<string[]> {
    return this.change((document) => {
      const known = new Set(document.channels.map((c) => c.id));
      // Rows with problems are left out by checkEntries, and a valid row never reuses a registered id.
      const added = checkEntries([...registered(document.channels), ...entries]).channels.filter((c) => !known.has(c.id)).map((c) => this.stamp(c, 1));
      if (added.length === 0) return { result: [] };
      return {
        document: { ...document, channels: [...document.channels, ...added] },
        events: added.map((c) => this.event(action, c, changedFields({}, c))),
        result: added.map((c) => c.id),
      };
    });
  }

  /** Adds the channels of another register (a user's own, another archive's) that this one lacks, as moved in; returns the ids added. */
  move(channels: Channel[]): Promise<string[]> {
    return this.addAll(channels.map((value, i) => ({ label: `entry ${i + 1}`, value })), 'moved');
  }

  /** The registered channel an edit is about, if it is still at the version the edit started from. */
  private current(document: RegisterDocument, edit: ChannelEdit): RegisteredChannel {
    const current = document.channels.find((c) => c.id === edit.id);
    if (!current) throw new KanalarkivError('not_registered', `the channel "${edit.id}" is not in the register (someone may have removed it)`);
    if (current.version !== edit.version) {
      throw new KanalarkivError('register_changed', `the channel "${edit.id}" was changed by ${current.changedBy || 'someone'} at ${current.changedAt} after it was read (version ${edit.version}, now ${current.version})`);
    }
    return current;
  }

  private stamp(channel: Channel, version: number): RegisteredChannel {
    return { ...channel, version, changedAt: this.now().toISOString(), changedBy: this.by() };
  }

  private event(action: RegisterEvent['action'], channel: Channel, changes: RegisterEvent['changes']): NewRegisterEvent {
    return { at: this.now().toISOString(), by: this.by(), action, channelId: channel.id, name: channel.name, changes };
  }

  /**
   * Reads the register, lets `work` decide, and writes what it decided, all under the register lock:
   * no other writer, in this process or another, on this machine or another, changes it in between.
   */
  private async change<T>(work: (document: RegisterDocument) => { document?: RegisterDocument; events?: NewRegisterEvent[]; result: T }): Promise<T> {
    try {
      return await withArchiveLock(this.archiveDir, REGISTER_LOCK, WAIT_MS, async () => {
        const before = await readRegister(this.archiveDir);
        const { document, events = [], result } = work(before);
        if (document) {
          // The history line first: a register written without it would be a change no one can trace.
          const undo = await appendHistory(this.archiveDir, events);
          try {
            await writeRegister(this.archiveDir, { ...document, revision: before.revision + 1 });
          } catch (error) {
            await undo();
            throw error;
          }
        }
        return result;
      });
    } catch (error) {
      if (error instanceof LockBusyError) throw new KanalarkivError('register_busy', `the register was busy for ${WAIT_MS / 1000} s (${error.message})`, lockParams(error));
      throw error;
    }
  }
}
