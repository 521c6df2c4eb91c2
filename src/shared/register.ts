import { z } from 'zod';
import { PLATFORMS, type Channel } from './channel';

/** What is wrong with a channel entry, for the UI and the CLI to say in the user's language. */
export const REGISTER_ISSUE_CODES = [
  'missing', 'invalid_id', 'reserved_id', 'invalid_platform', 'invalid_value',
  'not_a_url', 'not_http', 'credentials_in_url', 'duplicate_id', 'duplicate_url',
  'few_owners', 'platform_mismatch', 'invalid_file', 'too_long', 'extra_cells', 'control_chars',
] as const;
export type IssueCode = (typeof REGISTER_ISSUE_CODES)[number];

/** One problem in a channel list, naming the entry and the field so a person can fix it. */
export interface RegisterIssue {
  /** "row 3" for CSV (the header is row 1), "entry 2" for JSON (counted from 1). */
  entry: string;
  field: string;
  code: IssueCode;
  message: string;
}

/** A channel as it is kept: in the register, and (its identifying part) in every snapshot's metadata. */
export const channelSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  platform: z.enum(PLATFORMS),
  url: z.string(),
  unit: z.string(),
  owners: z.array(z.string()),
  pageOwner: z.string(),
  notes: z.string(),
  active: z.boolean(),
  intervalMonths: z.number().int().min(1).max(12).optional(),
}) satisfies z.ZodType<Channel>;

/** A channel as the register form sends it; the register checks it by the channel-list rules. */
export const channelInputSchema = z.object({
  id: z.string().max(200),
  name: z.string().max(500),
  platform: z.string().max(50).optional(),
  url: z.string().max(2_000),
  unit: z.string().max(500),
  owners: z.array(z.string().max(200)).max(50),
  pageOwner: z.string().max(200).optional(),
  notes: z.string().max(5_000).optional(),
  active: z.boolean().optional(),
  intervalMonths: z.number().optional(),
});
export type ChannelInput = z.infer<typeof channelInputSchema>;

export type SaveChannelResult = { channel: Channel; warnings: RegisterIssue[] } | { issues: RegisterIssue[] };

export interface ImportPreview {
  /** Every row of the file, with its problems (empty when it can be imported). */
  rows: Array<{ entry: string; channel: Partial<Channel>; issues: RegisterIssue[]; warnings: RegisterIssue[] }>;
  /** How many rows would be added. */
  importable: number;
  /** The encoding the file's characters were read in. */
  encoding: string;
  /** Columns (or JSON fields) of the file that Kanalarkiv does not know: they are not imported. */
  unknownColumns: string[];
}

/**
 * A channel whose newest post is older than this has gone quiet: the guidelines say an account no
 * longer used is to be closed, so the app points to the closing snapshot.
 */
export const QUIET_MONTHS = 6;

/**
 * The newest post the snapshots of a channel read, when it is older than QUIET_MONTHS before `at`;
 * null for a channel that is not quiet, or whose snapshots read no dated post (it is not judged).
 */
export function quietSince(channelId: string, snapshots: ReadonlyArray<{ channelId: string; kind?: 'snapshot' | 'comment'; newestPost?: string | null }>, at: Date): string | null {
  const limit = new Date(at);
  limit.setMonth(limit.getMonth() - QUIET_MONTHS);
  const newest = snapshots.filter((s) => s.channelId === channelId && s.kind !== 'comment' && s.newestPost).map((s) => s.newestPost!).sort().at(-1);
  return newest && new Date(newest) < limit ? newest : null;
}

/** A channel as the archive's register holds it: with its version, so an edit made from stale data is refused. */
export interface RegisteredChannel extends Channel {
  /** 1 when added; one more with every change. */
  version: number;
  changedAt: string;
  changedBy: string;
}

/** What a change to the register did, as its history says it. */
export const REGISTER_ACTIONS = ['added', 'changed', 'deactivated', 'reactivated', 'removed', 'imported', 'moved'] as const;
export type RegisterAction = (typeof REGISTER_ACTIONS)[number];

/** One line of the register's history: who did what to which channel, and when. */
export interface RegisterEvent {
  seq: number;
  at: string;
  by: string;
  action: RegisterAction;
  channelId: string;
  /** The channel's name at the time, so the history reads without the register. */
  name: string;
  /** For a change: each field that changed, from what to what. */
  changes: Array<{ field: string; from: unknown; to: unknown }>;
}

/** Where the register is, and what happened when this user's own register was moved into it. */
export interface RegisterInfo {
  file: string;
  channels: number;
  /** Set once, after the channels kept in this user's app were moved into the archive's register. */
  moved: { added: string[]; alreadyThere: string[] } | null;
}

/** An edit of a registered channel: the version the form was filled from, so a change made meanwhile is not overwritten. */
export const channelEditSchema = z.object({ id: z.string().max(200), version: z.number().int().min(1) });
export type ChannelEdit = z.infer<typeof channelEditSchema>;

/** Where the municipality lists its accounts, and the unit the channels found there are registered under. */
export const websiteImportSchema = z.object({ address: z.string().trim().min(1).max(2_000), unit: z.string().trim().max(200) });
export type WebsiteImport = z.infer<typeof websiteImportSchema>;

/** What the register can be saved as: the whole register (to import again), or the public list of accounts for the website. */
export const CHANNEL_EXPORTS = ['csv', 'json', 'public-html', 'public-csv'] as const;
export type ChannelExport = (typeof CHANNEL_EXPORTS)[number];
