import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { BrowserWindow, session, type Session } from 'electron';
import { REPLAY_ORIGIN, REPLAY_SCHEME, replayRequestAllowed } from '../app-url';
import { WebCopyReplay, type ReplayAnswer, type WebCopy } from '../replay/web-copy-replay';

/** Not "persist:": the replay's session lives in memory only, so nothing of a replayed page is kept after the app closes. */
const PARTITION = 'kanalarkiv-replay';

let replay: { session: Session; copies: WebCopyReplay } | undefined;

function replaySession(): { session: Session; copies: WebCopyReplay } {
  if (replay) return replay;
  const copies = new WebCopyReplay();
  const ses = session.fromPartition(PARTITION);
  // #18 Prefer custom protocols: the web copies are served by the app itself, on their own scheme.
  ses.protocol.handle(REPLAY_SCHEME, async (request) => toResponse(await copies.answer(new URL(request.url).pathname, request.headers.get('range') ?? undefined), request.method));
  // A replayed page may try the live web (a script that escapes the rewriting): it never reaches it.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !replayRequestAllowed(details.url) }));
  // #5 Handle session permission requests from remote content: a replayed page gets none.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  replay = { session: ses, copies };
  return replay;
}

/**
 * A record's web copy, replayed in a window of its own with no preload, so the replayed page can
 * reach nothing of the app; dispatch() would refuse its origin anyway.
 */
export function openWebCopyWindow(copy: WebCopy, parent: BrowserWindow | undefined): void {
  const { session: ses, copies } = replaySession();
  const window = new BrowserWindow({
    width: 1280,
    height: 900,
    parent,
    title: `Webbkopia: ${copy.title}`,
    // #3 context isolation, #4 sandbox, #2 no Node.js integration, as for every window of the app.
    webPreferences: { session: ses, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  void window.loadURL(`${REPLAY_ORIGIN}${copies.add(copy)}`);
}

function toResponse(answer: ReplayAnswer, method: string): Response {
  const { body } = answer;
  if (body === null || method === 'HEAD') return new Response(null, { status: answer.status, headers: answer.headers });
  if (Buffer.isBuffer(body)) return new Response(new Uint8Array(body), { status: answer.status, headers: answer.headers });
  const stream = Readable.toWeb(createReadStream(body.file, { start: body.start, end: body.end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: answer.status, headers: answer.headers });
}
