import { z } from 'zod';

/** A few root certificates in PEM are some kilobytes; this leaves room for a whole trusted list's. */
export const TSA_ROOTS_MAX = 200_000;

/** The user's settings, as the settings screen edits them. */
export const settingsSchema = z.object({
  organisation: z.string().max(500),
  archiveDir: z.string().min(1).max(1_000),
  /** Empty: search for Edge, Chrome or Chromium. */
  browserPath: z.string().max(1_000),
  language: z.enum(['sv', 'en']),
  /** The capture rounds, as "april:04-01..04-30,september:09-01..09-30"; empty for that default. */
  rounds: z.string().max(1_000),
  /** Capture the due channels by itself when a round opens, while the app runs. */
  autoCapture: z.boolean(),
  /** The time-stamping authority (RFC 3161) that stamps every record, shared by the archive's users; empty for none. */
  tsaUrl: z.string().max(2_000).default(''),
  /** The time-stamping authorities' root certificates (PEM) that stamps are checked against, shared; empty for none. */
  tsaRoots: z.string().max(TSA_ROOTS_MAX).default(''),
});
export type Settings = z.infer<typeof settingsSchema>;

export interface AppInfo {
  version: string;
  captureProfile: {
    version: string;
    viewport: { width: number; height: number };
    locale: string;
    timezoneId: string;
    method: string;
  };
}
