import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Channel } from '../../shared/channel';
import type { CommentFacts } from '../../shared/comment';
import { SNAPSHOT_SCHEMA, type PayloadFile, type PreservationEvent, type SnapshotMetadata } from '../../shared/snapshot';
import type { Capture } from '../capture/capture-channel';
import { CAPTURE_PROFILE } from '../capture/profile';
import { wordsToJson, wordsToText } from '../record/text';
import { recordTitle } from '../record/title';
import { tool } from '../resources';
import { currentOsName } from '../os-name';
import { finishBag, type DraftBag } from '../archive/bag';
import { Inventory } from '../archive/inventory';
import { digestFile, type FileDigest } from '../archive/files';
import { DATA_DIR, METADATA_FILE, RECORD_FILE, TEXT_FILE, WORDS_FILE } from '../archive/layout';

/** The events of a record until it is bagged (PREMIS 3): the capture, the PDF/A record made from it, and its files' checksums. */
function madeEvents(metadata: SnapshotMetadata, recordMadeAt: string): PreservationEvent[] {
  const { capture } = metadata;
  const agent = `${capture.tool.name} ${capture.tool.version}`;
  const partial = capture.warnings.length > 0;
  return [
    {
      type: 'capture', at: capture.startedAt, agent, outcome: partial ? 'warning' : 'success',
      detail: `${metadata.kind === 'comment' ? 'Kommentaren sparad' : 'Ögonblicksbild'} från ${capture.requestedUrl} med ${capture.browser.name} ${capture.browser.version}, uttagsprofil ${capture.profileVersion}: skärmbilder, sidans text, MHTML-kopia och webbkopia (WACZ)${partial ? `. Ofullständig: ${capture.warnings.join(' ')}` : ''}`,
    },
    { type: 'creation', at: recordMadeAt, agent, outcome: 'success', detail: `Handlingen ${RECORD_FILE} (PDF/A-2u) gjord av skärmbilderna, med sidans text som textlager och försättsblad` },
    { type: 'message digest calculation', at: recordMadeAt, agent, outcome: 'success', detail: `SHA-256 beräknad för varje fil (${metadata.files.length} filer), i metadata.json och BagIt-påsens manifest` },
  ];
}

let recordBuilder: Promise<typeof import('../record/pdf')> | undefined;
/**
 * The record's PDF/A builder with pdf-lib, fontkit and its parsed fonts, half a second to make
 * ready: a run starts on it at once, so that it is done while the browser starts and the page
 * loads, not after the capture.
 */
export const loadRecordBuilder = () => (recordBuilder ??= import('../record/pdf').then(async (builder) => {
  await builder.prepareFonts();
  return builder;
}));

export interface SnapshotContext {
  channel: Channel;
  reason: string;
  round: string | null;
  /** Who the archive belongs to, for bag-info.txt's Source-Organization. */
  organisation: string;
  archiveDir: string;
  /** Ends the record and the bag: the channel's deadline, or the user cancelling. */
  signal?: AbortSignal;
  /** A saved comment's facts: the record is of the comment, not a snapshot of the channel. */
  comment?: CommentFacts | null;
  /** The time-stamping authority that will stamp the finished bag, as the record says; none when absent. */
  timestampAuthority?: string | null;
}

/**
 * Turns a finished capture (already in the draft bag's data folder) into an archived snapshot:
 * page.txt, record.pdf, metadata.json, then the bag's manifests; the bag is moved into the archive last.
 */
export async function archiveSnapshot(
  draft: DraftBag,
  capture: Capture,
  context: SnapshotContext,
  onStage: (stage: 'record' | 'archiving') => void = () => undefined,
): Promise<string> {
  const { channel } = context;
  const snapshotId = randomUUID();
  const hashStart = performance.now();
  await writeFile(path.join(draft.data, TEXT_FILE), wordsToText(capture.words));
  await writeFile(path.join(draft.data, WORDS_FILE), wordsToJson(capture.words));

  const digests = new Map<string, FileDigest>();
  const files: PayloadFile[] = [];
  const add = async (name: string, mediaType: string, role: PayloadFile['role']) => {
    const digest = await digestFile(path.join(draft.data, name));
    digests.set(`${DATA_DIR}/${name}`, digest);
    files.push({ path: `${DATA_DIR}/${name}`, ...digest, mediaType, role });
  };
  for (const segment of capture.segments) await add(segment.file, 'image/png', 'screenshot');
  await add(capture.mhtml, 'multipart/related', 'mhtml');
  await add(capture.webCopy, 'application/wacz', 'web_copy');
  await add(TEXT_FILE, 'text/plain; charset=utf-8', 'text');
  await add(WORDS_FILE, 'application/json', 'text');
  capture.timings.add('hash', performance.now() - hashStart);

  const { facts } = capture;
  const metadata: SnapshotMetadata = {
    schema: SNAPSHOT_SCHEMA,
    snapshotId,
    kind: context.comment ? 'comment' : 'snapshot',
    organisation: context.organisation,
    channel: {
      id: channel.id,
      name: channel.name,
      platform: channel.platform,
      url: channel.url,
      unit: channel.unit,
      owners: channel.owners,
      pageOwner: channel.pageOwner,
    },
    reason: context.reason,
    round: context.round,
    timestampAuthority: context.timestampAuthority ?? null,
    capture: {
      requestedUrl: facts.requestedUrl,
      finalUrl: facts.finalUrl,
      httpStatus: facts.httpStatus,
      title: facts.title,
      startedAt: facts.startedAt,
      finishedAt: facts.finishedAt,
      browser: facts.browser,
      viewport: facts.viewport,
      profileVersion: CAPTURE_PROFILE.version,
      profile: { ...CAPTURE_PROFILE },
      tool: tool(),
      os: { platform: os.platform(), release: os.release(), arch: os.arch(), name: currentOsName() },
      pageHeight: facts.pageHeight,
      bottomStrip: facts.bottomStrip,
      posts: facts.posts,
      mhtmlPosts: facts.mhtmlPosts,
      webCopy: facts.webCopy,
      loggedIn: facts.loggedIn,
      expanded: facts.expanded,
      consent: facts.consent,
      cut: facts.cut,
      coverage: facts.coverage,
      warnings: facts.warnings.map((w) => w.text),
      warningCodes: facts.warnings.map(({ code, values }) => ({ code, values })),
    },
    comment: context.comment ?? null,
    pages: capture.segments.map(({ file, top, width, height }) => ({ file, top, width, height })),
    files,
    // Made once the record is: the PDF is built from the metadata before its events are known.
    events: [],
  };

  onStage('record');
  await capture.timings.time('record', async () => {
    const { buildRecordPdf } = await loadRecordBuilder();
    const pdf = await buildRecordPdf({ metadata, dir: draft.data, words: capture.words, signal: context.signal });
    await writeFile(path.join(draft.data, RECORD_FILE), pdf);
  });
  await add(RECORD_FILE, 'application/pdf', 'record');
  metadata.events = madeEvents(metadata, new Date().toISOString());
  await writeFile(path.join(draft.data, METADATA_FILE), `${JSON.stringify(metadata, null, 2)}\n`);

  context.signal?.throwIfAborted();
  onStage('archiving');
  const bag = await capture.timings.time('bag', () => finishBag(
    draft,
    context.archiveDir,
    channel.id,
    new Date(facts.startedAt),
    {
      sourceOrganization: context.organisation || channel.unit,
      contactName: channel.pageOwner || undefined,
      externalDescription: recordTitle(metadata),
      externalIdentifier: snapshotId,
      groupIdentifier: channel.id,
      softwareAgent: `${metadata.capture.tool.name} ${metadata.capture.tool.version}`,
    },
    digests,
  ));
  // The record is whole and in place whatever happens here: a bag the inventory missed is named by verify as not in it.
  await new Inventory(context.archiveDir).add(bag, snapshotId).catch(() => undefined);
  return bag;
}
