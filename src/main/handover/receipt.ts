import { createHash } from 'node:crypto';
import type { Delivery, HandoverTarget } from '../../shared/handover';
import { createPdfA, finishPdfA } from '../record/pdfa';
import { PageWriter } from '../record/writer';
import { tool } from '../resources';
import { errorSentence } from '../../shared/errors';
import { messagesIn } from '../messages';
import type { LogEntry, LogReading } from './log';
import { HANDOVER_LOG } from '../archive/layout';

export const TARGET_NAMES: Record<HandoverTarget, string> = {
  platina: 'Platina (API)',
  email: 'Platina via e-post',
  folder: 'Platinas uppladdningsstruktur',
  eark: 'E-arkiv (FGS 2.0 / E-ARK SIP)',
  'file-archive': 'Filarkiv',
};

/** Every delivery in the log, newest first, with each record's final outcome in it. */
export function deliveriesInLog({ entries, lines }: Pick<LogReading, 'entries' | 'lines'>): Delivery[] {
  const byId = new Map<string, { entries: LogEntry[]; lastIndex: number }>();
  entries.forEach((entry, index) => {
    const group = byId.get(entry.deliveryId) ?? { entries: [], lastIndex: index };
    group.entries.push(entry);
    group.lastIndex = index;
    byId.set(entry.deliveryId, group);
  });
  const result: Delivery[] = [];
  for (const [deliveryId, group] of byId) {
    const first = group.entries[0]!;
    const outcomes = new Map<string, LogEntry>();
    for (const entry of group.entries) if ((entry.ref ?? entry.snapshotId) && (entry.event === 'delivered' || entry.event === 'failed')) outcomes.set(entry.ref ?? entry.snapshotId!, entry);
    // A removal check hands nothing over: it has no target and no receipt.
    if (outcomes.size === 0 || !first.target) continue;
    result.push({
      deliveryId,
      at: first.at,
      by: first.by,
      target: first.target,
      destination: first.destination,
      items: [...outcomes].map(([ref, e]) => ({ ref, snapshotId: e.ref === undefined ? '' : (e.snapshotId ?? ''), title: e.title ?? ref, status: e.event as 'delivered' | 'failed', remoteId: e.remoteId ?? '', sha256: e.sha256 ?? '', error: e.error, errorCode: e.errorCode ?? null, errorParams: e.errorParams ?? {} })),
      logSeal: lines[group.lastIndex] ? createHash('sha256').update(lines[group.lastIndex]!).digest('hex') : '',
      logSeq: entries[group.lastIndex]!.seq,
    });
  }
  return result.sort((a, b) => b.at.localeCompare(a.at));
}

const swedish = messagesIn('sv');

const localTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'long' });

/** The receipt as PDF/A-2u, in Swedish: what was handed over, when, where to, by whom, with checksums and remote ids. */
export async function receiptPdf(delivery: Delivery, organisation: string): Promise<Uint8Array> {
  const { doc, regular, bold } = await createPdfA();
  const writer = new PageWriter(doc, { regular, bold });
  const delivered = delivery.items.filter((i) => i.status === 'delivered').length;
  const failed = delivery.items.length - delivered;

  writer.heading('Kvitto på överlämning');
  writer.note('Överlämning av ögonblicksbilder av kanaler i sociala medier, gjord med Kanalarkiv. Kvittot bygger på överlämningsloggen i arkivet.');
  writer.gap(10);
  writer.row('Organisation', organisation || '–');
  writer.row('Tidpunkt', localTime.format(new Date(delivery.at)));
  writer.row('Överlämnad av', delivery.by);
  writer.row('Till', TARGET_NAMES[delivery.target]);
  writer.row('Mottagare', delivery.destination);
  writer.row('Handlingar', `${delivered} överlämnade${failed > 0 ? `, ${failed} misslyckades` : ''}`);
  writer.row('Leverans-id', delivery.deliveryId);
  if (delivery.logSeal) {
    writer.row('Loggens rad', `nr ${delivery.logSeq} i ${HANDOVER_LOG}: loggen ska ha minst så många rader`);
    writer.checksum('Loggens kontrollsumma (SHA-256 av leveransens sista rad i loggen)', delivery.logSeal);
  }
  writer.gap(8);

  writer.subheading('Handlingar');
  for (const item of delivery.items) {
    writer.gap(8);
    writer.row(item.status === 'delivered' ? 'Överlämnad' : 'Misslyckades', item.title);
    if (item.remoteId) writer.row('Mottagarens id', item.remoteId);
    if (item.error) {
      // Lines from before the log kept codes have only the message: that is all there is to say.
      const sentence = item.errorCode ? errorSentence(swedish, item.errorCode, item.errorParams) : item.error;
      writer.row('Orsak', sentence);
      if (sentence !== item.error) writer.row('Teknisk detalj', item.error);
    }
    writer.row('Ögonblicksbild', item.ref);
    if (item.sha256) writer.checksum('SHA-256', item.sha256);
  }

  const created = new Date(Math.floor(Date.parse(delivery.at) / 1000) * 1000);
  const software = tool();
  return finishPdfA(
    doc,
    {
      title: `Kvitto på överlämning ${created.toISOString().slice(0, 10)} till ${TARGET_NAMES[delivery.target]}`,
      author: delivery.by,
      subject: `${delivered} ögonblicksbilder överlämnade till ${delivery.destination}`,
      keywords: ['kvitto', 'överlämning', delivery.target],
      creator: `${software.name} ${software.version}`,
      producer: `${software.name} ${software.version} (pdf-lib)`,
      created,
      source: delivery.destination,
      language: 'sv-SE',
    },
    delivery.deliveryId,
  );
}
