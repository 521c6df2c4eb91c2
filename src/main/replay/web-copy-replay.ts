import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { KanalarkivError } from '../../shared/errors';
import { readMetadata, snapshotPath } from '../archive/catalogue';
import { DATA_DIR, WEB_COPY_FILE } from '../archive/layout';
import { resourcesDir } from '../resources';

/** A record's web copy to be replayed: the WACZ file and the page it is of. */
export interface WebCopy {
  file: string;
  url: string;
  /** ISO time the snapshot was taken. */
  takenAt: string;
  title: string;
}

/** A record's web copy, from its ref; `not_found` (what `web_copy`) when the record has none, as those made before 0.9 have not. */
export async function webCopyOf(archiveDir: string, ref: string): Promise<WebCopy> {
  const bag = snapshotPath(archiveDir, ref);
  const file = path.join(bag, DATA_DIR, WEB_COPY_FILE);
  if (!(await stat(file).then((s) => s.isFile(), () => false))) {
    throw new KanalarkivError('not_found', `The record ${ref} has no web copy (${DATA_DIR}/${WEB_COPY_FILE}).`, { what: 'web_copy' });
  }
  const { capture } = await readMetadata(bag);
  return { file, url: capture.finalUrl, takenAt: capture.startedAt, title: capture.title };
}

/** What the replay answers one request with: a body in memory, or a range of a file on disk. */
export interface ReplayAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | { file: string; start: number; end: number } | null;
}

/** ReplayWeb.page's two bundled files: the page component and the service worker that replays inside the scope /replay/. */
const REPLAY_FILES: Record<string, string> = { 'ui.js': 'text/javascript', 'sw.js': 'text/javascript' };

/**
 * The replay of records' web copies with ReplayWeb.page, served by the app itself (Electron's own
 * protocol, or the test bridge on 127.0.0.1) as ArchiveWeb.page's app does: nothing is fetched
 * from the live web, every response comes out of the WACZ. Only copies the app has opened are
 * served, each under an id of its own, so that no address can name another file of the disk.
 */
export class WebCopyReplay {
  private readonly copies = new Map<string, WebCopy>();

  constructor(private readonly replayDir: string = replayFilesDir()) {}

  /** Makes `copy` replayable; the path of its page. */
  add(copy: WebCopy): string {
    const id = randomUUID();
    this.copies.set(id, copy);
    return `/copy/${id}/`;
  }

  async answer(pathname: string, range: string | undefined): Promise<ReplayAnswer> {
    const replayFile = /^\/replay\/(ui\.js|sw\.js)$/.exec(pathname)?.[1];
    if (replayFile) return this.file(path.join(this.replayDir, replayFile), REPLAY_FILES[replayFile]!, undefined, { 'service-worker-allowed': '/replay/' });
    const copyPath = /^\/copy\/([0-9a-f-]{36})\/(page\.wacz)?$/.exec(pathname);
    const copy = copyPath ? this.copies.get(copyPath[1]!) : undefined;
    if (!copy) return notFound();
    if (copyPath![2]) return this.file(copy.file, 'application/wacz', range);
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': REPLAY_PAGE_CSP }, body: Buffer.from(replayPage(copy, `/copy/${copyPath![1]}/page.wacz`)) };
  }

  private async file(file: string, type: string, range: string | undefined, extra: Record<string, string> = {}): Promise<ReplayAnswer> {
    const size = await stat(file).then((s) => (s.isFile() ? s.size : null), () => null);
    if (size === null) return notFound();
    const headers = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-store', ...extra };
    // The replay reads the WACZ in pieces (its index, then each response) with Range requests.
    const asked = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
    if (range && !asked) return { status: 416, headers: { 'content-range': `bytes */${size}` }, body: null };
    if (asked) {
      const start = asked[1] ? Number(asked[1]) : Math.max(0, size - Number(asked[2]));
      const end = asked[1] && asked[2] ? Math.min(Number(asked[2]), size - 1) : size - 1;
      if (start > end || start >= size) return { status: 416, headers: { 'content-range': `bytes */${size}` }, body: null };
      return { status: 206, headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) }, body: { file, start, end } };
    }
    return { status: 200, headers: { ...headers, 'content-length': String(size) }, body: size === 0 ? Buffer.alloc(0) : { file, start: 0, end: size - 1 } };
  }
}

/** The replay page runs ReplayWeb.page's own script only; the replayed page runs in its frame, under the service worker. */
const REPLAY_PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src 'self'; worker-src 'self'; connect-src 'self'";

const notFound = (): ReplayAnswer => ({ status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('Finns inte') });

const localTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });

/** The page around the replay: what is shown, from when, and that it comes from the archive, not from the web. */
function replayPage(copy: WebCopy, source: string): string {
  const ts = copy.takenAt.replace(/\D/g, '').slice(0, 14);
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Webbkopia: ${escape(copy.title)}</title>
<style>html,body{margin:0;height:100%;font-family:system-ui,sans-serif}body{display:flex;flex-direction:column}
header{padding:8px 16px;background:#1f3a5f;color:#fff;font-size:14px}header strong{font-size:15px}
replay-web-page{flex:1;display:block}</style>
<script src="/replay/ui.js"></script></head>
<body><header><strong>Webbkopia från arkivet</strong> · ${escape(copy.url)} · tagen ${escape(localTime.format(new Date(copy.takenAt)))}<br>
Sidan spelas upp ur handlingens webbkopia (page.wacz). Inget hämtas från webben: det som inte sparades visas inte.</header>
<replay-web-page source="${escape(source)}" url="${escape(copy.url)}" ts="${ts}" replaybase="/replay/" embed="replayonly"></replay-web-page>
</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Where ReplayWeb.page's files are: in the installed app's resources (electron-builder.yml), or in node_modules beside them while developing and testing. */
function replayFilesDir(): string {
  const installed = path.join(resourcesDir(), 'replay');
  return existsSync(path.join(installed, 'sw.js')) ? installed : path.join(resourcesDir(), '..', 'node_modules', 'replaywebpage');
}
