/**
 * Handing snapshot records over to where they are kept: Platina (through its API, by e-mail, or as
 * an upload folder), an e-archive package (FGS 2.0 = E-ARK SIP), or a copy of the bags in a file archive.
 */
export const HANDOVER_TARGETS = ['platina', 'email', 'folder', 'eark', 'file-archive'] as const;
export type HandoverTarget = (typeof HANDOVER_TARGETS)[number];

export interface PlatinaSettings {
  /** The Standard API's base address, e.g. https://platina.kommun.se/api/v8.0 */
  baseUrl: string;
  /** The identity provider's authority (OpenID issuer), e.g. https://login.microsoftonline.com/<tenant>/v2.0 */
  authority: string;
  clientId: string;
  /** The API's scope, e.g. api://<client-id>/Platina.ReadWrite */
  scope: string;
  diaryId: string;
  /** One collection case (samlingsärende) per round, created on first delivery; or an existing case. */
  caseMode: 'per-round' | 'existing';
  /** The existing case's id, when caseMode is "existing". */
  caseId: string;
  /** Reference data for new cases and deeds (ids from the customer's /reference-data). */
  caseTypeId: string;
  statusId: string;
  businessCodeId: string;
  deedTypeId: string;
}

export interface EmailSettings {
  mode: 'smtp' | 'eml';
  host: string;
  port: number;
  /** Empty when the server takes mail from this machine without signing in. */
  user: string;
  from: string;
  /** The registrar's mailbox. */
  to: string;
  /** Where .eml files are written in "eml" mode. */
  emlDir: string;
  /** A CA certificate (PEM file) to trust for the mail server, when IT uses its own CA. */
  caFile: string;
}

export interface HandoverSettings {
  /** The organisation's identification code (organisationsnummer), for e-archive packages. */
  organisationId: string;
  /** Who hands over, as the log and receipts name them; the last name used. */
  registrar: string;
  platina: PlatinaSettings;
  email: EmailSettings;
  /** Platina's upload structure: one folder per round. */
  folderDir: string;
  /** Where E-ARK SIP packages (ZIP) are written. */
  earkDir: string;
  /** The file archive (often a network share) the bags are copied to. */
  fileArchiveDir: string;
}

export const DEFAULT_HANDOVER_SETTINGS: HandoverSettings = {
  platina: { baseUrl: '', authority: '', clientId: '', scope: '', diaryId: '', caseMode: 'per-round', caseId: '', caseTypeId: '', statusId: '', businessCodeId: '', deedTypeId: '' },
  organisationId: '',
  registrar: '',
  email: { mode: 'eml', host: '', port: 587, user: '', from: '', to: '', emlDir: '', caFile: '' },
  folderDir: '',
  earkDir: '',
  fileArchiveDir: '',
};

/** One snapshot record as the registrar's list shows it, with where it has already gone. */
export interface HandoverRecord {
  snapshotId: string;
  channelName: string;
  platform: string;
  unit: string;
  round: string | null;
  takenAt: string;
  title: string;
  /** Targets this record has been delivered to, with the remote id or place. */
  delivered: Array<{ target: HandoverTarget; destination: string; at: string; remoteId: string }>;
}

/** The outcome of one record in one delivery. */
export interface HandoverItemResult {
  snapshotId: string;
  title: string;
  status: 'delivered' | 'already-delivered' | 'failed';
  remoteId: string;
  sha256: string;
  error: string | null;
  /** Why it failed, as a code the UI explains (see HandoverErrorCode); null when it did not fail. */
  errorCode: string | null;
}

export interface DeliveryResult {
  deliveryId: string;
  target: HandoverTarget;
  destination: string;
  at: string;
  by: string;
  items: HandoverItemResult[];
}
