/**
 * Every HTTP request the product makes (Platina, its sign-in, its OpenAPI document, the website
 * import) goes through here, with limits: a server that accepts and never answers, or sends a byte
 * a second, or an answer without end, must never hang a handover or a check. The time to the answer's
 * headers covers connecting too (Node's fetch has no separate connect limit without its own agent).
 */
export interface HttpLimits {
  /** From the request to the answer's headers, connecting included. */
  firstByteMs: number;
  /** From the request to the answer's last byte. */
  totalMs: number;
  /** The most an answer may hold. */
  maxBytes: number;
}

/** Calls of an API: short answers. */
export const API_LIMITS: HttpLimits = { firstByteMs: 30_000, totalMs: 120_000, maxBytes: 32 * 1024 * 1024 };
/** A record's upload: the request itself may take minutes on a slow line. */
export const UPLOAD_LIMITS: HttpLimits = { firstByteMs: 10 * 60_000, totalMs: 15 * 60_000, maxBytes: 32 * 1024 * 1024 };

export class HttpLimitError extends Error {
  constructor(
    readonly limit: 'first_byte' | 'total' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

export interface LimitedResponse {
  status: number;
  ok: boolean;
  statusText: string;
  /** Where the answer came from, after redirects. */
  url: string;
  body: Buffer;
  text(): string;
}

/** fetch() within `limits`; throws HttpLimitError past one, and fetch's own error where the server cannot be reached. */
export async function fetchLimited(url: string | URL, init: RequestInit, limits: HttpLimits, signal?: AbortSignal): Promise<LimitedResponse> {
  const controller = new AbortController();
  const stop = (error: Error) => controller.abort(error);
  const onAbort = () => controller.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
  const firstByte = setTimeout(() => stop(new HttpLimitError('first_byte', `${String(url)} did not answer within ${seconds(limits.firstByteMs)}`)), limits.firstByteMs);
  const total = setTimeout(() => stop(new HttpLimitError('total', `${String(url)} did not finish its answer within ${seconds(limits.totalMs)}`)), limits.totalMs);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    clearTimeout(firstByte);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    for (let read = await reader?.read(); reader && read && !read.done; read = await reader.read()) {
      size += read.value.length;
      if (size > limits.maxBytes) {
        const error = new HttpLimitError('too_large', `${String(url)} answered with more than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`);
        stop(error);
        throw error;
      }
      chunks.push(read.value);
    }
    const body = Buffer.concat(chunks);
    return { status: response.status, ok: response.ok, statusText: response.statusText, url: response.url, body, text: () => body.toString('utf8') };
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    throw reason instanceof HttpLimitError ? reason : error;
  } finally {
    clearTimeout(firstByte);
    clearTimeout(total);
    signal?.removeEventListener('abort', onAbort);
  }
}
