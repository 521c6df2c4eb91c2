import { z } from 'zod';
import type { SnapshotRef } from './archive';
import type { ApiError, ErrorParams, HandoverErrorCode } from './errors';

/**
 * Handing snapshot records over to where they are kept: Platina (through its API, by e-mail, or as
 * an upload folder), an e-archive package (FGS 2.0 = E-ARK SIP), or a copy of the bags in a file archive.
 */
export const HANDOVER_TARGETS = ['platina', 'email', 'folder', 'eark', 'file-archive'] as const;
export type HandoverTarget = (typeof HANDOVER_TARGETS)[number];

const setting = z.string().max(2_000);

export const platinaSettingsSchema = z.object({
  /** The Standard API's base address, e.g. https://platina.kommun.se/api/v8.0 */
  baseUrl: setting,
  /** The identity provider's authority (OpenID issuer), e.g. https://login.microsoftonline.com/<tenant>/v2.0 */
  authority: setting,
  clientId: setting,
  /** The API's scope, e.g. api://<client-id>/Platina.ReadWrite */
  scope: setting,
  diaryId: setting,
  /** One collection case (samlingsärende) per round, created on first delivery; or an existing case. */
  caseMode: z.enum(['per-round', 'existing']),
  /** The existing case's id, when caseMode is "existing". */
  caseId: setting,
  /**
   * The new case's values, each an id from the diary's reference lists (platinadocs, "Create a
   * journalized case"), chosen by name in the settings: status, case type, business code
   * (classification), PUL and secrecy level, and, for secrecy 1–2, the confidential paragraphs.
   */
  statusId: setting, caseTypeId: setting, businessCodeId: setting,
  pulLevel: setting.default(''), secrecyLevel: setting.default(''),
  confidentialParagraphIds: z.array(setting).max(50).default([]),
  /** The case's origin, as Platina's journalized-case-origins list gives it: the body takes the object. */
  origin: z.record(z.string(), z.unknown()).nullable().default(null),
  /** The deed's own values (the deed body is read from the customer's Swagger; docs/platina.md). */
  deedTypeId: setting, deedStatusId: setting.default(''), deedPulLevel: setting.default(''), deedSecrecyLevel: setting.default(''),
  /**
   * The personal-data level (pulLevel, from the customer's journalized-case-pul-levels) of a saved
   * comment's deed: such records hold personal data about private persons. Empty: the deed's level.
   */
  commentPulLevel: setting.default(''),
  /**
   * The sign-in's loopback redirect, as registered for the public client under "Mobile and desktop
   * applications": Entra ignores the port of a localhost redirect, not its host or path.
   */
  redirectHost: z.enum(['localhost', '127.0.0.1']).default('localhost'),
  redirectPath: z.string().max(200).regex(/^(\/[\w\-./]*)?$/).default(''),
  /** Where the customer's OpenAPI (Swagger) document is; empty: the usual Swashbuckle places are tried. */
  openApiUrl: setting.default(''),
  /**
   * The header that carries the token when a proxy in front of Platina takes Authorization for its
   * own (Platina's ProxyAuthHeader, since 8.1); empty: Authorization.
   */
  tokenHeader: z.string().max(100).regex(/^[A-Za-z0-9-]*$/).default(''),
});
export type PlatinaSettings = z.infer<typeof platinaSettingsSchema>;

export const emailSettingsSchema = z.object({
  mode: z.enum(['smtp', 'eml']),
  host: setting,
  port: z.number().int().min(1).max(65_535),
  /** Empty when the server takes mail from this machine without signing in. */
  user: setting,
  from: setting,
  /** The registrar's mailbox. */
  to: setting,
  /** Where .eml files are written in "eml" mode. */
  emlDir: setting,
  /** A CA certificate (PEM file) to trust for the mail server, when IT uses its own CA. */
  caFile: setting,
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

export const handoverSettingsSchema = z.object({
  /** The organisation's identification code (organisationsnummer), for e-archive packages. */
  organisationId: z.string().max(50),
  /** Who hands over, as the log and receipts name them; the last name used. */
  registrar: z.string().max(200),
  platina: platinaSettingsSchema,
  email: emailSettingsSchema,
  /** Platina's upload structure: one folder per round. */
  folderDir: setting,
  /** Where E-ARK SIP packages (ZIP) are written. */
  earkDir: setting,
  /** The reference of the submission agreement (leveransöverenskommelse) with the e-archive, "RA 13-2011/5329; 2012-04-12"; it goes into METS (SIP5). */
  submissionAgreement: z.string().max(500).default(''),
  /** The file archive (often a network share) the bags are copied to. */
  fileArchiveDir: setting,
});
export type HandoverSettings = z.infer<typeof handoverSettingsSchema>;

export const DEFAULT_HANDOVER_SETTINGS: HandoverSettings = {
  platina: {
    baseUrl: '', authority: '', clientId: '', scope: '', diaryId: '', caseMode: 'per-round', caseId: '',
    statusId: '', caseTypeId: '', businessCodeId: '', pulLevel: '', secrecyLevel: '', confidentialParagraphIds: [], origin: null,
    deedTypeId: '', deedStatusId: '', deedPulLevel: '', deedSecrecyLevel: '', commentPulLevel: '',
    redirectHost: 'localhost', redirectPath: '', openApiUrl: '', tokenHeader: '',
  },
  organisationId: '',
  registrar: '',
  email: { mode: 'eml', host: '', port: 587, user: '', from: '', to: '', emlDir: '', caFile: '' },
  folderDir: '',
  earkDir: '',
  submissionAgreement: '',
  fileArchiveDir: '',
};

/** One snapshot record as the registrar's list shows it, with where it has already gone. */
export interface HandoverRecord {
  ref: SnapshotRef;
  /** The snapshot's identity: what the handover log knows it by, wherever its bag is. */
  snapshotId: string;
  channelName: string;
  platform: string;
  unit: string;
  round: string | null;
  takenAt: string;
  /** Why it was taken (a snapshot) or saved (a comment). */
  reason: string;
  title: string;
  /** Targets this record has been delivered to, with the remote id or place. */
  delivered: Array<{ target: HandoverTarget; destination: string; at: string; remoteId: string }>;
}

/** The outcome of one record in one delivery. */
export interface HandoverItemResult {
  ref: SnapshotRef;
  title: string;
  status: 'delivered' | 'already-delivered' | 'failed';
  remoteId: string;
  sha256: string;
  error: string | null;
  /** Why it failed, as a code the UI explains; null when it did not fail. */
  errorCode: HandoverErrorCode | 'internal' | null;
  /** What the failure's sentence names (errors.ts ErrorParams). */
  errorParams: ErrorParams;
}

export interface DeliveryResult {
  deliveryId: string;
  target: HandoverTarget;
  destination: string;
  at: string;
  by: string;
  items: HandoverItemResult[];
  /** The time stamp of the log's last line after the handover: its entry and time, or why the authority did not stamp it; null without an authority. */
  logStamp?: { seq: number | null; at: string | null; error: string | null } | null;
}

/** One delivery as the log tells it: the basis of its receipt. */
export interface Delivery {
  deliveryId: string;
  at: string;
  by: string;
  target: HandoverTarget;
  destination: string;
  items: Array<{ ref: string; snapshotId: string; title: string; status: 'delivered' | 'failed'; remoteId: string; sha256: string; error: string | null; errorCode: string | null; errorParams: ErrorParams }>;
  /** SHA-256 of the delivery's last log line: ties a printed receipt to the log. */
  logSeal: string;
  /** The number of that line: a log later cut shorter than it is proved cut by the receipt. */
  logSeq: number;
}

export interface PlatinaSignIn {
  signedIn: boolean;
  name: string | null;
  email: string | null;
}

/** The reference lists of a diary that the case and deed values are chosen from. */
export const PLATINA_REFERENCE_LISTS = ['caseStatuses', 'origins', 'caseTypes', 'businessCodes', 'pulLevels', 'secrecyLevels', 'confidentialParagraphs', 'deedTypes', 'deedStatuses'] as const;
export type PlatinaReferenceList = (typeof PLATINA_REFERENCE_LISTS)[number];
/** One value of a reference list, with the rest of what Platina gave (an origin is sent back whole). */
export type PlatinaReference = { id: string; name: string } & Record<string, unknown>;
/** Every reference list of the diary; null for a list the customer's API does not answer. */
export type PlatinaReferences = Record<PlatinaReferenceList, PlatinaReference[] | null>;
/** What the settings choose from: the account's diaries, and the chosen diary's lists (null when it is not among them). */
export interface PlatinaChoices {
  diaries: Array<{ id: string; name: string }>;
  lists: PlatinaReferences | null;
}

/** What a delivery would send to Platina, with nothing sent: the dry run and the app's preview. */
export interface PlatinaPreview {
  destination: string;
  /** Per round: the case already there (its diary number), or the body of the one that would be made. */
  cases: Array<{ round: string; existing: string | null; body: Record<string, unknown> | null }>;
  deeds: Array<{ ref: SnapshotRef; round: string; body: Record<string, unknown>; file: { name: string; bytes: number } }>;
  /** Records that would not go: damaged ones. */
  refused: Array<{ ref: SnapshotRef; code: string; message: string }>;
}

/** The calls Kanalarkiv makes to Platina's Standard API, as the connection check names them. */
export type PlatinaCallId =
  | 'diaries' | 'caseStatuses' | 'origins' | 'caseTypes' | 'businessCodes' | 'pulLevels' | 'secrecyLevels' | 'confidentialParagraphs'
  | 'deedTypes' | 'deedStatuses' | 'createCase' | 'deeds' | 'createDeed' | 'files' | 'uploadFile';

/** One field of a call, held against the customer's OpenAPI document. */
export interface PlatinaFieldCheck {
  /** "statusId", or "items.id" for a field of a list's entries. */
  name: string;
  where: 'body' | 'answer';
  /** The JSON type Kanalarkiv sends or reads; null for a field only the customer's API has. */
  expected: string | null;
  /** The type in the customer's document; null when it has no such field. */
  found: string | null;
  /** missing: the customer's API lacks it; type: it has another type; unsent: it is required there and Kanalarkiv does not send it. */
  problem: 'missing' | 'type' | 'unsent' | null;
}

export interface PlatinaCallCheck {
  id: PlatinaCallId;
  method: string;
  /** Relative to the API's base: "diaries/{id}/journalized-cases". */
  path: string;
  /** Whether a delivery needs it (the reference lists are needed only to choose values). */
  required: boolean;
  found: boolean;
  fields: PlatinaFieldCheck[];
}

/** A setting whose chosen id is not in its reference list any longer. */
export interface PlatinaUnknownValue {
  setting: string;
  id: string;
}

/** What "Kontrollera anslutningen" and `kanalarkiv platina check` found. */
export interface PlatinaCheck {
  at: string;
  baseUrl: string;
  user: { name: string | null; email: string | null };
  /** The diary, as Platina names it; null when the diary id is not among the account's diaries. */
  diary: { id: string; name: string } | null;
  /** Where the customer's OpenAPI document was read; null when none was found at `tried`. */
  openApi: string | null;
  tried: string[];
  /** Every call and field Kanalarkiv uses, against that document; empty without one. */
  calls: PlatinaCallCheck[];
  /** Values not yet chosen in the settings (see PlatinaSettings). */
  missingValues: string[];
  unknownValues: PlatinaUnknownValue[];
  /** Nothing stands in the way of a delivery: the diary is there, no required call or field is missing or different, every value is chosen. */
  ready: boolean;
}

/** The registrar's view of the archive for one target: what is there, what has gone where, and whether the target is ready. */
export interface HandoverOverview {
  records: HandoverRecord[];
  deliveries: Delivery[];
  /** Where records go for this target, or null when its settings are incomplete (see settingsProblem). */
  destination: string | null;
  /** What is missing from the target's settings, said as a failure is. */
  settingsProblem: ApiError | null;
  platina: PlatinaSignIn;
  smtpPasswordSet: boolean;
  /** Lines of the handover log that are cut off, edited or out of chain. */
  logProblems: number;
}
