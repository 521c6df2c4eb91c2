import { z } from 'zod';
import { CAPTURE_WARNING_CODES, type CaptureWarning } from './capture-warnings';
import { channelSchema } from './register';
import { commentSchema } from './comment';

/**
 * `data/metadata.json` of every snapshot bag, schema version 1 (documented in docs/metadata.md).
 * Readers must accept unknown extra fields; a change that removes or redefines a field needs version 2.
 */
export const SNAPSHOT_SCHEMA = 'https://kanalarkiv.se/schema/snapshot/1';

/** A file name in the bag's data/ folder: no folders, so a crafted metadata.json cannot point outside its bag. */
const dataFileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);

const payloadFile = z.object({
  path: z.string().regex(/^data\/[A-Za-z0-9][A-Za-z0-9._-]*$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  mediaType: z.string(),
  role: z.enum(['record', 'screenshot', 'mhtml', 'web_copy', 'text']),
});

/**
 * The PREMIS 3 event types a record's life has, as the Library of Congress vocabulary names them
 * (id.loc.gov/vocabulary/preservation/eventType), with each term's code in that vocabulary.
 */
export const PRESERVATION_EVENT_TYPES = {
  capture: 'cap',
  creation: 'cre',
  'message digest calculation': 'mes',
  packing: 'pac',
  'digital signature generation': 'dig',
  'fixity check': 'fix',
  transfer: 'tra',
} as const;
export type PreservationEventType = keyof typeof PRESERVATION_EVENT_TYPES;

/** One event of a record's life (PREMIS 3): what happened, when, by which agent, and how it went. */
export const preservationEventSchema = z.object({
  type: z.enum(Object.keys(PRESERVATION_EVENT_TYPES) as [PreservationEventType, ...PreservationEventType[]]),
  at: z.string(),
  /** Who did it: the software ("Kanalarkiv 0.9.0"), the time-stamping authority, the registrar. */
  agent: z.string(),
  outcome: z.enum(['success', 'warning', 'failure']),
  /** What was done, in Swedish. */
  detail: z.string(),
});
export type PreservationEvent = z.infer<typeof preservationEventSchema>;

export const snapshotMetadataSchema = z.object({
  schema: z.literal(SNAPSHOT_SCHEMA),
  snapshotId: z.string(),
  /** A snapshot of a channel, or one comment or post saved before it is removed (absent in older records: a snapshot). */
  kind: z.enum(['snapshot', 'comment']).default('snapshot'),
  /** Whose record it is: the organisation (municipality) in the settings; '' in records made before it was kept here (bag-info.txt has it). */
  organisation: z.string().default(''),
  channel: channelSchema.pick({ id: true, name: true, platform: true, url: true, unit: true, owners: true, pageOwner: true }),
  reason: z.string(),
  /** The capture round the snapshot belongs to ("2026 april"), or null for one taken outside any round. */
  round: z.string().nullable().default(null),
  /** The time-stamping authority (RFC 3161) asked to stamp the bag once it is finished; null for none (and in records made before). */
  timestampAuthority: z.string().nullable().default(null),
  capture: z.object({
    requestedUrl: z.string(),
    finalUrl: z.string(),
    httpStatus: z.number().int(),
    title: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    /** The browser; `userAgent` is what it told the site (null in records made before it was kept). */
    browser: z.object({ name: z.string(), version: z.string(), userAgent: z.string().nullable().default(null) }),
    viewport: z.object({ width: z.number(), height: z.number() }),
    profileVersion: z.string(),
    profile: z.record(z.string(), z.unknown()),
    tool: z.object({ name: z.string(), version: z.string() }),
    /** `name` is the system as people name it ("Windows 11 Pro (build 26100)"); null in records made before it was kept. */
    os: z.object({ platform: z.string(), release: z.string(), arch: z.string(), name: z.string().nullable().default(null) }),
    /** The picture's height, the strip along the bottom included. */
    pageHeight: z.number(),
    /**
     * The bars along the bottom of the window (a logged-out bar, a cookie bar that stays), shown once
     * below the page's own rows: from row `top` of the picture, `height` px. The page itself is the
     * rows above `top`. Null when there is none, and in records made before it was kept.
     */
    bottomStrip: z.object({ top: z.number(), height: z.number() }).nullable().default(null),
    posts: z.number().int(),
    /** Whether the platform's login profile was used, never whose; null in records made before it was kept. */
    loggedIn: z.boolean().nullable().default(null),
    /** Posts the MHTML copy holds; null in records made before it was counted. */
    mhtmlPosts: z.number().int().nullable().default(null),
    /** What the replayable web copy (data/page.wacz) holds of the page's traffic; null in records made before it was kept. */
    webCopy: z.object({ responses: z.number().int(), withoutBody: z.number().int(), bytes: z.number().int() }).nullable().default(null),
    expanded: z.number().int(),
    consent: z.object({ cmp: z.string().nullable(), optedOut: z.boolean().nullable() }),
    cut: z.enum(['height', 'time']).nullable(),
    /** The period the snapshot's posts cover, against the channel's previous snapshot. */
    coverage: z.object({ since: z.string().nullable(), oldestPost: z.string().nullable(), newestPost: z.string().nullable(), complete: z.boolean().nullable() }).nullable().default(null),
    /** What the record misses or how it was made differently from the page, in Swedish. */
    warnings: z.array(z.string()),
    /** The warnings' codes and values, in the order of `warnings`; absent in records made before warnings had codes. */
    warningCodes: z.array(z.object({ code: z.enum(CAPTURE_WARNING_CODES), values: z.record(z.string(), z.union([z.string(), z.number()])).default({}) })).default([]),
  }),
  /** The comment a comment record holds; null for a snapshot. */
  comment: commentSchema.nullable().default(null),
  /** The record's pages: one per screenshot piece, after the cover pages. */
  pages: z.array(z.object({ file: dataFileName, top: z.number(), width: z.number(), height: z.number() })),
  files: z.array(payloadFile),
  /** What happened to the record until it was bagged: its capture, the making of the PDF/A and of the checksums; absent in records made before 0.9. */
  events: z.array(preservationEventSchema).default([]),
});

export type SnapshotMetadata = z.infer<typeof snapshotMetadataSchema>;
export type PayloadFile = z.infer<typeof payloadFile>;

/** A record's warnings with their codes; those of a record made before warnings had codes are 'legacy', text only. */
export function warningsOf(capture: Pick<SnapshotMetadata['capture'], 'warnings' | 'warningCodes'>): CaptureWarning[] {
  return capture.warnings.map((text, i) => {
    const coded = capture.warningCodes[i];
    return coded ? { ...coded, text } : { code: 'legacy', values: {}, text };
  });
}
