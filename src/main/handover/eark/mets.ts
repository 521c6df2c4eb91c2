import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

const METS = 'http://www.loc.gov/METS/';
const XLINK = 'http://www.w3.org/1999/xlink';
const CSIP = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
const SIP = 'https://DILCIS.eu/XML/METS/SIPExtensionMETS';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const SIP_PROFILE = 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml';

/** A file the METS document lists, with the attributes CSIP requires of every file (CSIP66–79). */
export interface MetsFile {
  /** Path relative to the METS document. */
  href: string;
  mimeType: string;
  bytes: number;
  sha256: string;
  created: string;
}

export interface MetsAgents {
  /** The organisation whose records these are (archival creator and submitter). */
  organisation: string;
  /** Its identification code (organisationsnummer); the SIP agents need one (SIP14, SIP20). */
  organisationId: string;
  /** The registrar handing over (contact person). */
  contact: string;
  software: { name: string; version: string };
  /** The submission agreement's reference (SIP5); '' when none is set. */
  submissionAgreement: string;
}

export interface RootMets {
  objid: string;
  label: string;
  created: string;
  agents: MetsAgents;
  descriptive: MetsFile[];
  /** PREMIS, and the bags' own evidence (their manifests and stamps), which METS types as OTHER. */
  preservation: Array<MetsFile & { otherMdType?: string }>;
  documentation: MetsFile[];
  schemas: MetsFile[];
  /** Each representation's own METS.xml, under representations/<name>/. */
  representations: Array<{ name: string; mets: MetsFile }>;
}

const CONTENT_TYPE = { TYPE: 'OTHER', 'csip:OTHERTYPE': 'Social media snapshots' };
/**
 * The content information type (CSIP4, CSIP62): no E-ARK content specification covers snapshots of
 * web pages, so OTHER, named (CSIP5, CSIP63).
 */
const CONTENT_INFORMATION = { 'csip:CONTENTINFORMATIONTYPE': 'OTHER', 'csip:OTHERCONTENTINFORMATIONTYPE': 'Kanalarkiv snapshot records: PDF/A-2u with screenshots, MHTML and page text; web copies as WACZ' };

/**
 * The package's METS.xml (E-ARK CSIP 2.1 + SIP 2.1, i.e. FGS Paketstruktur 2.0): header with agents,
 * descriptive and preservation metadata by reference, the file groups, and the CSIP structural map.
 */
export function rootMets(input: RootMets): string {
  const mets = document(input.objid, input.label);
  header(mets, input.created, input.agents);

  input.descriptive.forEach((file, i) => mdRef(mets.ele(METS, 'mets:dmdSec', { ID: `dmd-${i + 1}`, CREATED: file.created, STATUS: 'CURRENT' }), file, 'DC'));
  const amd = mets.ele(METS, 'mets:amdSec');
  input.preservation.forEach((file, i) => mdRef(amd.ele(METS, 'mets:digiprovMD', { ID: `digiprov-${i + 1}`, CREATED: file.created, STATUS: 'CURRENT' }), file, file.otherMdType ? 'OTHER' : 'PREMIS', file.otherMdType));

  const fileSec = mets.ele(METS, 'mets:fileSec', { ID: 'filesec-1' });
  fileGroup(fileSec, 'grp-documentation', 'Documentation', input.documentation, 'doc');
  fileGroup(fileSec, 'grp-schemas', 'Schemas', input.schemas, 'schema');
  input.representations.forEach((rep, i) => fileGroup(fileSec, `grp-rep-${i + 1}`, `Representations/${rep.name}`, [rep.mets], `rep-${i + 1}-mets`, CONTENT_INFORMATION));

  const root = mets.ele(METS, 'mets:structMap', { ID: 'structmap-1', TYPE: 'PHYSICAL', LABEL: 'CSIP' }).ele(METS, 'mets:div', { ID: 'div-root', LABEL: input.objid });
  root.ele(METS, 'mets:div', {
    ID: 'div-metadata',
    LABEL: 'Metadata',
    ...(input.preservation.length > 0 ? { ADMID: input.preservation.map((_, i) => `digiprov-${i + 1}`).join(' ') } : {}),
    ...(input.descriptive.length > 0 ? { DMDID: input.descriptive.map((_, i) => `dmd-${i + 1}`).join(' ') } : {}),
  });
  root.ele(METS, 'mets:div', { ID: 'div-documentation', LABEL: 'Documentation' }).ele(METS, 'mets:fptr', { FILEID: 'grp-documentation' });
  root.ele(METS, 'mets:div', { ID: 'div-schemas', LABEL: 'Schemas' }).ele(METS, 'mets:fptr', { FILEID: 'grp-schemas' });
  input.representations.forEach((rep, i) => {
    root
      .ele(METS, 'mets:div', { ID: `div-rep-${i + 1}`, LABEL: `Representations/${rep.name}` })
      .ele(METS, 'mets:mptr', { LOCTYPE: 'URL' })
      .att(XLINK, 'xlink:type', 'simple')
      .att(XLINK, 'xlink:href', rep.mets.href)
      .att(XLINK, 'xlink:title', `grp-rep-${i + 1}`);
  });
  return mets.end({ prettyPrint: true });
}

/** A representation's own METS.xml: its data files, described from the representation's folder. */
export function representationMets(input: { objid: string; label: string; created: string; agents: MetsAgents; data: MetsFile[] }): string {
  const mets = document(input.objid, input.label);
  header(mets, input.created, input.agents);
  const fileSec = mets.ele(METS, 'mets:fileSec', { ID: 'filesec-1' });
  fileGroup(fileSec, 'grp-data', 'Data', input.data, 'data');
  const root = mets.ele(METS, 'mets:structMap', { ID: 'structmap-1', TYPE: 'PHYSICAL', LABEL: 'CSIP' }).ele(METS, 'mets:div', { ID: 'div-root', LABEL: input.objid });
  root.ele(METS, 'mets:div', { ID: 'div-data', LABEL: 'Data' }).ele(METS, 'mets:fptr', { FILEID: 'grp-data' });
  return mets.end({ prettyPrint: true });
}

function document(objid: string, label: string): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8' })
    .ele(METS, 'mets:mets', {
      'xmlns:xlink': XLINK,
      'xmlns:csip': CSIP,
      'xmlns:sip': SIP,
      'xmlns:xsi': XSI,
      OBJID: objid,
      LABEL: label,
      ...CONTENT_TYPE,
      ...CONTENT_INFORMATION,
      PROFILE: SIP_PROFILE,
    })
    .att(XSI, 'xsi:schemaLocation', `${METS} schemas/mets.xsd ${XLINK} schemas/xlink.xsd ${CSIP} schemas/DILCISExtensionMETS.xsd ${SIP} schemas/DILCISExtensionSIPMETS.xsd`);
}

/** metsHdr with the SIP agents: the software (CSIP10–16), archival creator, submitter and contact (SIP10–24). */
function header(mets: XMLBuilder, created: string, agents: MetsAgents): void {
  const hdr = mets.ele(METS, 'mets:metsHdr', { CREATEDATE: created, LASTMODDATE: created, RECORDSTATUS: 'NEW' }).att(CSIP, 'csip:OAISPACKAGETYPE', 'SIP');
  const agent = (role: string, type: string, name: string, note?: { type: string; text: string }, otherType?: string) => {
    const element = hdr.ele(METS, 'mets:agent', { ROLE: role, TYPE: type, ...(otherType ? { OTHERTYPE: otherType } : {}) });
    element.ele(METS, 'mets:name').txt(name);
    if (note) element.ele(METS, 'mets:note').att(CSIP, 'csip:NOTETYPE', note.type).txt(note.text);
  };
  agent('CREATOR', 'OTHER', agents.software.name, { type: 'SOFTWARE VERSION', text: agents.software.version }, 'SOFTWARE');
  if (agents.organisationId) {
    agent('ARCHIVIST', 'ORGANIZATION', agents.organisation, { type: 'IDENTIFICATIONCODE', text: agents.organisationId });
    agent('CREATOR', 'ORGANIZATION', agents.organisation, { type: 'IDENTIFICATIONCODE', text: agents.organisationId });
  }
  if (agents.contact) agent('CREATOR', 'INDIVIDUAL', agents.contact);
  // METS puts altRecordID after the agents in metsHdr.
  if (agents.submissionAgreement) hdr.ele(METS, 'mets:altRecordID', { TYPE: 'SUBMISSIONAGREEMENT' }).txt(agents.submissionAgreement);
}

function mdRef(parent: XMLBuilder, file: MetsFile, mdType: string, otherMdType?: string): void {
  parent
    .ele(METS, 'mets:mdRef', { LOCTYPE: 'URL', MDTYPE: mdType, ...(otherMdType ? { OTHERMDTYPE: otherMdType } : {}), MIMETYPE: file.mimeType, SIZE: String(file.bytes), CREATED: file.created, CHECKSUM: file.sha256, CHECKSUMTYPE: 'SHA-256' })
    .att(XLINK, 'xlink:type', 'simple')
    .att(XLINK, 'xlink:href', file.href);
}

function fileGroup(fileSec: XMLBuilder, id: string, use: string, files: MetsFile[], prefix: string, attributes: Record<string, string> = {}): void {
  const group = fileSec.ele(METS, 'mets:fileGrp', { ID: id, USE: use, ...attributes });
  files.forEach((file, i) => {
    group
      .ele(METS, 'mets:file', { ID: `${prefix}-${i + 1}`, MIMETYPE: file.mimeType, SIZE: String(file.bytes), CREATED: file.created, CHECKSUM: file.sha256, CHECKSUMTYPE: 'SHA-256' })
      .ele(METS, 'mets:FLocat', { LOCTYPE: 'URL' })
      .att(XLINK, 'xlink:type', 'simple')
      .att(XLINK, 'xlink:href', file.href);
  });
}
