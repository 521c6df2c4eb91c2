import { z } from 'zod';
import type { Channel } from './channel';

/** What is wrong with a channel entry, for the UI and the CLI to say in the user's language. */
export const REGISTER_ISSUE_CODES = [
  'missing', 'invalid_id', 'reserved_id', 'invalid_platform', 'invalid_value',
  'not_a_url', 'not_http', 'credentials_in_url', 'duplicate_id', 'duplicate_url',
  'few_owners', 'platform_mismatch', 'invalid_file', 'too_long', 'extra_cells',
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
}
