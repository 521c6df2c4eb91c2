/**
 * The files of a snapshot's bag: one list, so that the capture, the record, the catalogue, verify and
 * the handover agree on every name (README, "What a snapshot is"; docs/metadata.md).
 */

/** Unfinished bags are built here, inside the archive, and moved into place with one rename. */
export const INCOMPLETE_DIR = '.incomplete';

/** Where the file archive handover assembles and checks a copy before it is moved into place. */
export const INCOMING_DIR = '.kanalarkiv-incoming';

/** The handover log lives in the archive itself, beside the bags, so it travels with them (handover/log.ts). */
export const HANDOVER_LOG = 'handover-log.jsonl';
/** The number and hash of the handover log's last line, outside the log: a log cut at its end is told by it. */
export const HANDOVER_HEAD_FILE = 'handover-log.head.json';

/** A time-stamping authority's stamps of the handover log's last line after each handover, one file per line stamped (archive/log-stamp.ts). */
export const HANDOVER_STAMPS_DIR = 'handover-log.stamps';

/** The archive's fixity checks, one chained line per check of the whole archive, as PREMIS events (archive/preservation-log.ts). */
export const EVENTS_FILE = 'preservation-events.jsonl';
export const EVENTS_HEAD_FILE = 'preservation-events.head.json';

/** Every finished bag, in an append-only chained list (archive/inventory.ts): a bag that vanishes is told by it. */
export const INVENTORY_FILE = 'inventory.jsonl';
export const INVENTORY_HEAD_FILE = 'inventory.head.json';

/** The bag's payload folder. */
export const DATA_DIR = 'data';

/** BagIt's tag files, in the order they are written; the tag manifest covers the three before it. */
export const BAGIT_FILE = 'bagit.txt';
export const BAG_INFO_FILE = 'bag-info.txt';
export const MANIFEST_FILE = 'manifest-sha256.txt';
export const TAG_MANIFEST_FILE = 'tagmanifest-sha256.txt';
export const TAG_FILES = [BAGIT_FILE, BAG_INFO_FILE, MANIFEST_FILE, TAG_MANIFEST_FILE] as const;
/** A time-stamping authority's stamp of the tag manifest (RFC 3161, DER): beside it, in no manifest, since it stamps them (archive/stamp-bag.ts). */
export const TIMESTAMP_FILE = 'timestamp.tsr';

/** The payload, in data/. */
export const RECORD_FILE = 'record.pdf';
export const METADATA_FILE = 'metadata.json';
export const TEXT_FILE = 'page.txt';
/** The visible words with their places on the page (record/text.ts wordsToJson); absent in records made before 0.3. */
export const WORDS_FILE = 'page-words.json';
export const MHTML_FILE = 'page.mhtml';
/** The replayable web copy: every response the page received, as WACZ 1.1.1 (evidence/wacz.ts); absent in records made before 0.9. */
export const WEB_COPY_FILE = 'page.wacz';
/** The WARC file the web copy is recorded into during the capture, before it is packed: never in a finished bag. */
export const WEB_COPY_WARC = 'page.warc.gz';
/** The n-th piece (1-based) of the full-page screenshot. */
export const screenshotFile = (n: number) => `screenshot-${String(n).padStart(3, '0')}.png`;
