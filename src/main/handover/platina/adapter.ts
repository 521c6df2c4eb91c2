import { readFile } from 'node:fs/promises';
import { stockholmDay } from '../../../shared/dates';
import type { PlatinaPreview, PlatinaSettings } from '../../../shared/handover';
import { checkCancelled, type DeliveryContext, type HandoverAdapter } from '../deliver';
import { HandoverError } from '../errors';
import type { HandoverItem } from '../items';
import type { LogEntry } from '../log';
import { safeName } from '../place';
import { caseBody, deedBody, type NewCase, type NewDeed, type PlatinaClient } from './client';
import { blockingCalls, findOpenApi } from './api-check';
import { compareWithOpenApi } from './openapi';
import { platinaValues, requireDiary, type PlatinaValues } from './values';

/** The line in a deed's description that ties it to its snapshot, so a re-run finds it instead of making another. */
export const marker = (item: HandoverItem) => `Kanalarkiv-id: ${item.snapshotId}`;
/** Before 0.2 the marker named the snapshot by its ref; a deed from then is still found by it. */
const legacyMarker = (item: HandoverItem) => `Kanalarkiv-id: ${item.ref}\n`;

/** Platina takes at most 4,000 characters of description (platinadocs, "Create a journalized case"). */
const DESCRIPTION_MAX = 4_000;

/** A deed's description: the marker first, so that no cut to Platina's limit can lose it. */
export function deedDescription(item: HandoverItem): string {
  const { channel, reason, round, comment } = item.metadata;
  const about = comment
    ? [
        `Kommentar av ${comment.author.name ?? 'okänd'} på ${channel.name} (${comment.url}), ${channel.unit}.`,
        `Anledning: ${comment.reason.label}.${comment.note ? ` ${comment.note}` : ''}`,
        'Innehåller personuppgifter om en privatperson.',
        comment.secrecyReview ? 'Pröva sekretess innan handlingen lämnas ut.' : '',
      ]
    : [`${channel.name} (${channel.url}), ${channel.unit}.`, `Anledning: ${reason}.`, round ? `Omgång: ${round}.` : ''];
  const text = [marker(item), ...about, `SHA-256: ${item.sha256}.`].filter(Boolean).join('\n');
  return [...text].slice(0, DESCRIPTION_MAX).join('');
}

/**
 * Platina through its Standard API: one deed (handling) per snapshot, with the record's PDF, in a
 * collection case per round (created on first delivery and remembered in the log) or in an existing case.
 */
export function platinaAdapter(settings: PlatinaSettings, client: PlatinaClient, now: () => Date = () => new Date()): HandoverAdapter {
  requireDiary(settings);
  if (settings.caseMode === 'existing' && !settings.caseId) throw new HandoverError('settings', 'Choose the existing case to file the snapshots in (--case ID), or let Kanalarkiv make a collection case per round.', { what: 'platina_case' });
  const values = platinaValues(settings);
  const destination = platinaDestination(settings);

  return {
    target: 'platina',
    destination,
    async deliver(items, context) {
      await requireCalls(settings, client);
      const cases = new Map<string, Promise<{ id: string; label: string }>>();
      const existingDeeds = new Map<string, Promise<Array<{ id: string; description: string }>>>();
      for (const item of items) {
        checkCancelled(context.signal);
        try {
          const round = roundOf(item);
          if (!cases.has(round)) cases.set(round, caseFor(round, settings, values, client, context, destination, now));
          const target = await cases.get(round)!;
          if (!existingDeeds.has(target.id)) existingDeeds.set(target.id, client.deeds(target.id));
          const { deedId, isNew } = await deedFor(item, target.id, await existingDeeds.get(target.id)!, values, client, context, now);
          const fileName = deedFileName(item);
          // Only a deed an earlier run made can already hold the file.
          if (isNew || !(await client.files(deedId)).some((f) => f.fileName === fileName)) await client.uploadFile(deedId, fileName, await readFile(item.recordFile));
          await context.delivered(item, `${target.label} / ${deedId}`);
        } catch (error) {
          // Signed out or unreachable: the rest cannot go either; the core marks them failed with this reason.
          if (error instanceof HandoverError && (error.code === 'signed_out' || error.code === 'unreachable')) throw error;
          await context.failed(item, error);
        }
      }
    },
  };
}

/**
 * Stockholm files a year's snapshots in one case; a snapshot outside the rounds goes to its year's
 * "extra" case, and saved comments to a case of the year's comments.
 */
function roundOf(item: HandoverItem): string {
  const year = stockholmDay(item.metadata.capture.startedAt).slice(0, 4);
  if (item.metadata.comment) return `${year} (${item.metadata.comment.purpose === 'register' ? 'synpunkter' : 'borttagna kommentarer'})`;
  return item.metadata.round ?? `${year} (extra ögonblicksbilder)`;
}

/** The title of a new collection case for a round, or for a year's saved comments. */
function caseTitle(round: string): string {
  const comments = /^(\d{4}) \((borttagna kommentarer|synpunkter)\)$/.exec(round);
  if (!comments) return `Ögonblicksbilder av sociala medier ${round}`;
  return comments[2] === 'synpunkter' ? `Synpunkter från sociala medier ${comments[1]}` : `Borttagna kommentarer i sociala medier ${comments[1]}`;
}

/**
 * No delivery starts while the customer's OpenAPI document lacks a call or field a delivery needs.
 * Where the server serves no document, nothing can be told and the delivery goes ahead as before.
 */
async function requireCalls(settings: PlatinaSettings, client: PlatinaClient): Promise<void> {
  const { url, doc } = await findOpenApi(settings, client);
  if (!doc) return;
  const wrong = blockingCalls(compareWithOpenApi(doc, settings.caseMode));
  if (wrong.length === 0) return;
  const calls = wrong.map((call) => `${call.method} ${call.path}`).join(', ');
  throw new HandoverError('rejected', `Platina's API at ${settings.baseUrl} (${url}) lacks or differs in calls a delivery needs: ${calls}. Nothing was sent. Run "kanalarkiv platina check" (or Check connection) for the details.`, { what: 'platina_api', calls });
}

/** Where a delivery to Platina goes, the same on every run: the log tells by it what is already there. */
function platinaDestination(settings: PlatinaSettings): string {
  return `${settings.baseUrl.replace(/\/$/, '')} diary ${settings.diaryId}${settings.caseMode === 'existing' ? ` case ${settings.caseId}` : ''}`;
}

const deedFileName = (item: HandoverItem) => `${safeName(item.title)}.pdf`;

/** A collection case made by an earlier run for this round, as "<case id> <diary number>" in the log. */
function earlierCase(round: string, earlier: LogEntry[], destination: string): { id: string; label: string } | null {
  const made = earlier.find((e) => e.event === 'case-created' && e.target === 'platina' && e.destination === destination && e.round === round);
  if (!made?.remoteId) return null;
  // The diary number ("KS 2026/45") may hold spaces, the id does not.
  const [id, ...label] = made.remoteId.split(' ');
  return { id: id!, label: label.join(' ') || id! };
}

function newCase(round: string, values: PlatinaValues, now: () => Date): NewCase {
  return {
    ...values.case,
    title: caseTitle(round),
    description: `Samlingsärende för ögonblicksbilder av kommunens kanaler i sociala medier, omgång ${round}. Skapat av Kanalarkiv.`,
    registrationDate: now().toISOString(),
  };
}

function newDeed(item: HandoverItem, values: PlatinaValues, now: () => Date): NewDeed {
  return {
    ...values.deed,
    title: item.title,
    description: deedDescription(item),
    documentDate: item.metadata.capture.startedAt,
    registrationDate: now().toISOString(),
    pulLevel: item.metadata.comment ? values.commentPulLevel : values.deed.pulLevel,
  };
}

async function caseFor(round: string, settings: PlatinaSettings, values: PlatinaValues, client: PlatinaClient, context: DeliveryContext, destination: string, now: () => Date): Promise<{ id: string; label: string }> {
  if (settings.caseMode === 'existing') return { id: settings.caseId, label: settings.caseId };
  const earlier = earlierCase(round, context.earlier, destination);
  if (earlier) return earlier;
  const made = await client.createCase(settings.diaryId, newCase(round, values, now));
  const label = made.diaryNumber ?? made.id;
  await context.note({ event: 'case-created', round, remoteId: `${made.id} ${label}` });
  return { id: made.id, label };
}

/** The snapshot's deed: one found in the case by its marker (from an interrupted run), or a new one. */
async function deedFor(item: HandoverItem, caseId: string, existing: Array<{ id: string; description: string }>, values: PlatinaValues, client: PlatinaClient, context: DeliveryContext, now: () => Date): Promise<{ deedId: string; isNew: boolean }> {
  const found = existing.find((d) => d.description.includes(marker(item)) || `${d.description}\n`.includes(legacyMarker(item)));
  if (found) return { deedId: found.id, isNew: false };
  await context.started(item);
  const deedId = await client.createDeed(caseId, newDeed(item, values, now));
  await context.started(item, deedId);
  return { deedId, isNew: true };
}

type PlatinaPlan = Omit<PlatinaPreview, 'refused'>;

/**
 * The cases and deeds a delivery of `items` would create, with their bodies, read from the settings
 * and the handover log alone. Deeds an interrupted run already made are found in Platina at delivery
 * and reused, so this lists them as new.
 */
export function platinaPlan(settings: PlatinaSettings, items: HandoverItem[], earlier: LogEntry[], now: () => Date = () => new Date()): PlatinaPlan {
  const values = platinaValues(settings);
  const destination = platinaDestination(settings);
  const rounds = [...new Set(items.map(roundOf))];
  return {
    destination,
    cases: rounds.map((round) => {
      if (settings.caseMode === 'existing') return { round, existing: settings.caseId, body: null };
      const made = earlierCase(round, earlier, destination);
      return { round, existing: made?.label ?? null, body: made ? null : caseBody(newCase(round, values, now)) };
    }),
    deeds: items.map((item) => ({ ref: item.ref, round: roundOf(item), body: deedBody(newDeed(item, values, now)), file: { name: deedFileName(item), bytes: item.bytes } })),
  };
}
