import { create } from 'xmlbuilder2';
import type { HandoverItem } from '../items';

const OAI_DC = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
const DC = 'http://purl.org/dc/elements/1.1/';

/** Descriptive metadata of one record as simple Dublin Core (METS MDTYPE "DC"). */
export function dublinCore(item: HandoverItem, organisation: string): string {
  const { channel, capture, reason, round } = item.metadata;
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(OAI_DC, 'oai_dc:dc', { 'xmlns:dc': DC });
  const add = (name: string, value: string) => {
    if (value) doc.ele(DC, `dc:${name}`).txt(value);
  };
  add('title', item.title);
  add('creator', channel.unit);
  add('publisher', organisation);
  add('subject', `${channel.platform}: ${channel.name}`);
  add('description', `Ögonblicksbild av ${channel.url}. Anledning: ${reason}.${round ? ` Omgång: ${round}.` : ''}`);
  add('date', capture.startedAt);
  if (capture.coverage?.oldestPost && capture.coverage.newestPost) add('coverage', `${capture.coverage.oldestPost}/${capture.coverage.newestPost}`);
  add('type', 'Image');
  add('format', 'application/pdf');
  add('identifier', item.metadata.snapshotId);
  add('source', channel.url);
  add('language', 'sv');
  return doc.end({ prettyPrint: true });
}
