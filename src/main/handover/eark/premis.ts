import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { PRESERVATION_EVENT_TYPES, type PreservationEvent, type PreservationEventType } from '../../../shared/snapshot';
import type { HandoverItem } from '../items';

const PREMIS = 'http://www.loc.gov/premis/v3';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** A file of the package as PREMIS describes it. */
export interface PreservedFile {
  /** Path inside the package. */
  path: string;
  sha256: string;
  bytes: number;
  formatName: string;
  /** PRONOM id, e.g. fmt/478 for PDF/A-2u; null for a format PRONOM has none for that we could confirm. */
  pronom: string | null;
  item: HandoverItem;
}

export interface PremisContext {
  objid: string;
  organisation: string;
  /** The registrar handing over. */
  by: string;
  deliveredAt: string;
  software: { name: string; version: string };
  /** Each record's events until this handover (record-events.ts). */
  events: Map<HandoverItem, PreservationEvent[]>;
}

/** The Library of Congress vocabulary PREMIS event types are taken from. */
const EVENT_TYPES = 'http://id.loc.gov/vocabulary/preservation/eventType';

/**
 * Preservation metadata (PREMIS 3): each file with its SHA-256 fixity, size and format, and every
 * event of its record's life (its capture, PDF/A, checksums, bagging, trusted timestamp, every check
 * of its fixity and every earlier delivery), then this handover's fixity check and transfer. Event
 * types are the Library of Congress vocabulary's, each with its URI.
 */
export function premisXml(files: PreservedFile[], context: PremisContext): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(PREMIS, 'premis:premis', { version: '3.0', 'xmlns:xsi': XSI });
  const software = `${context.software.name} ${context.software.version}`;
  const records = [...new Set(files.map((f) => f.item))];
  // The agents: this software, the organisation, the registrar, and every other agent an event names.
  const agents = new Map<string, { id: string; type: string }>([[software, { id: 'agent-software', type: 'software' }]]);
  const agentOf = (name: string, type: string) => {
    if (!agents.has(name)) agents.set(name, { id: `agent-${agents.size + 1}`, type });
    return agents.get(name)!.id;
  };
  const organisation = agentOf(context.organisation || 'Okänd organisation', 'organization');
  const registrar = agentOf(context.by, 'person');
  const history = new Map(records.map((item, n) => [item, (context.events.get(item) ?? []).map((e, i) => ({ ...e, id: `event-${n + 1}-${i + 1}` }))]));
  const eventIds = (item: HandoverItem) => [...history.get(item)!.map((e) => e.id), `event-${records.indexOf(item) + 1}-fixity`];

  for (const file of files) {
    const object = root.ele(PREMIS, 'premis:object').att(XSI, 'xsi:type', 'premis:file');
    identifier(object, 'objectIdentifier', 'local', file.path);
    const characteristics = object.ele(PREMIS, 'premis:objectCharacteristics');
    characteristics.ele(PREMIS, 'premis:compositionLevel').txt('0');
    const fixity = characteristics.ele(PREMIS, 'premis:fixity');
    fixity.ele(PREMIS, 'premis:messageDigestAlgorithm').txt('SHA-256');
    fixity.ele(PREMIS, 'premis:messageDigest').txt(file.sha256);
    fixity.ele(PREMIS, 'premis:messageDigestOriginator').txt(context.software.name);
    characteristics.ele(PREMIS, 'premis:size').txt(String(file.bytes));
    const format = characteristics.ele(PREMIS, 'premis:format');
    format.ele(PREMIS, 'premis:formatDesignation').ele(PREMIS, 'premis:formatName').txt(file.formatName);
    if (file.pronom) {
      const registry = format.ele(PREMIS, 'premis:formatRegistry');
      registry.ele(PREMIS, 'premis:formatRegistryName').txt('PRONOM');
      registry.ele(PREMIS, 'premis:formatRegistryKey').txt(file.pronom);
    }
    object.ele(PREMIS, 'premis:originalName').txt(`${file.item.ref}/${file.path.split('/').at(-1)}`);
    for (const id of [...eventIds(file.item), 'event-transfer']) identifier(object, 'linkingEventIdentifier', 'local', id);
  }

  for (const item of records) {
    const own = files.filter((f) => f.item === item);
    for (const e of history.get(item)!) {
      const agentType = e.type === 'transfer' ? 'person' : e.type === 'digital signature generation' ? 'organization' : 'software';
      const by = [agentOf(e.agent, agentType), ...(e.type === 'packing' ? [organisation] : [])];
      event(root, e.id, e.type, e.at, e.detail, e.outcome, '', by, own);
    }
    event(root, `event-${records.indexOf(item) + 1}-fixity`, 'fixity check', context.deliveredAt, 'Hela påsen kontrollerades mot sina SHA-256-manifest före överlämningen', 'success', '', [agents.get(software)!.id], own);
  }
  event(root, 'event-transfer', 'transfer', context.deliveredAt, `Överlämnad i informationspaket ${context.objid}`, 'success', '', [registrar, agents.get(software)!.id], files);

  for (const [name, { id, type }] of agents) agent(root, id, name, type);
  return root.end({ prettyPrint: true });
}

function identifier(parent: XMLBuilder, name: string, type: string, value: string): void {
  const prefix = name.replace(/Identifier$/, '');
  const element = parent.ele(PREMIS, `premis:${name}`);
  element.ele(PREMIS, `premis:${prefix}IdentifierType`).txt(type);
  element.ele(PREMIS, `premis:${prefix}IdentifierValue`).txt(value);
}

function event(root: XMLBuilder, id: string, type: PreservationEventType, at: string, detail: string, outcome: string, outcomeNote: string, agentIds: string[], objects: PreservedFile[]): void {
  const element = root.ele(PREMIS, 'premis:event');
  identifier(element, 'eventIdentifier', 'local', id);
  element.ele(PREMIS, 'premis:eventType', { authority: 'eventType', authorityURI: EVENT_TYPES, valueURI: `${EVENT_TYPES}/${PRESERVATION_EVENT_TYPES[type]}` }).txt(type);
  element.ele(PREMIS, 'premis:eventDateTime').txt(at);
  element.ele(PREMIS, 'premis:eventDetailInformation').ele(PREMIS, 'premis:eventDetail').txt(detail);
  const result = element.ele(PREMIS, 'premis:eventOutcomeInformation');
  result.ele(PREMIS, 'premis:eventOutcome').txt(outcome);
  if (outcomeNote) result.ele(PREMIS, 'premis:eventOutcomeDetail').ele(PREMIS, 'premis:eventOutcomeDetailNote').txt(outcomeNote);
  for (const agentId of agentIds) identifier(element, 'linkingAgentIdentifier', 'local', agentId);
  for (const object of objects) identifier(element, 'linkingObjectIdentifier', 'local', object.path);
}

function agent(root: XMLBuilder, id: string, name: string, type: string): void {
  const element = root.ele(PREMIS, 'premis:agent');
  identifier(element, 'agentIdentifier', 'local', id);
  element.ele(PREMIS, 'premis:agentName').txt(name);
  element.ele(PREMIS, 'premis:agentType').txt(type);
}
