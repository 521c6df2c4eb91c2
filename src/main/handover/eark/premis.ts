import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
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
}

/**
 * Preservation metadata (PREMIS 3): each file with its SHA-256 fixity, size and format, and the
 * events that made it: the capture, the bagging, the fixity check before handover, and the delivery.
 */
export function premisXml(files: PreservedFile[], context: PremisContext): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(PREMIS, 'premis:premis', { version: '3.0', 'xmlns:xsi': XSI });
  const software = `${context.software.name} ${context.software.version}`;
  const agents = { software: 'agent-software', organisation: 'agent-organisation', registrar: 'agent-registrar' };
  const records = [...new Set(files.map((f) => f.item))];
  const eventIds = (item: HandoverItem) => {
    const n = records.indexOf(item) + 1;
    return { capture: `event-capture-${n}`, packing: `event-packing-${n}`, fixity: `event-fixity-${n}` };
  };

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
    for (const id of [...Object.values(eventIds(file.item)), 'event-transfer']) identifier(object, 'linkingEventIdentifier', 'local', id);
  }

  for (const item of records) {
    const ids = eventIds(item);
    const { capture } = item.metadata;
    event(root, ids.capture, 'capture', capture.startedAt, `Ögonblicksbild av ${capture.requestedUrl} med ${capture.browser.name} ${capture.browser.version}, uttagsprofil ${capture.profileVersion}`, capture.httpStatus < 400 ? 'success' : 'warning', capture.warnings.join(' '), [agents.software], files.filter((f) => f.item === item));
    event(root, ids.packing, 'packing', capture.finishedAt, `Arkiverad som BagIt-påse ${item.ref} med SHA-256-manifest`, 'success', '', [agents.software, agents.organisation], files.filter((f) => f.item === item));
    event(root, ids.fixity, 'fixity check', context.deliveredAt, 'Hela påsen kontrollerades mot sina SHA-256-manifest före överlämningen', 'success', '', [agents.software], files.filter((f) => f.item === item));
  }
  event(root, 'event-transfer', 'transfer', context.deliveredAt, `Överlämnad i informationspaket ${context.objid}`, 'success', '', [agents.registrar, agents.software], files);

  agent(root, agents.software, software, 'software');
  agent(root, agents.organisation, context.organisation || 'Okänd organisation', 'organization');
  agent(root, agents.registrar, context.by, 'person');
  return root.end({ prettyPrint: true });
}

function identifier(parent: XMLBuilder, name: string, type: string, value: string): void {
  const prefix = name.replace(/Identifier$/, '');
  const element = parent.ele(PREMIS, `premis:${name}`);
  element.ele(PREMIS, `premis:${prefix}IdentifierType`).txt(type);
  element.ele(PREMIS, `premis:${prefix}IdentifierValue`).txt(value);
}

function event(root: XMLBuilder, id: string, type: string, at: string, detail: string, outcome: string, outcomeNote: string, agentIds: string[], objects: PreservedFile[]): void {
  const element = root.ele(PREMIS, 'premis:event');
  identifier(element, 'eventIdentifier', 'local', id);
  element.ele(PREMIS, 'premis:eventType').txt(type);
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
