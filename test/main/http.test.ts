import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchLimited, HttpLimitError } from '../../src/main/http';
import { PlatinaClient } from '../../src/main/handover/platina/client';
import { compareWithOpenApi } from '../../src/main/handover/platina/openapi';

/** Servers that hang, drip or never stop: every request the product makes ends within its limits. */
let server: Server;
let base: string;
const limits = { firstByteMs: 500, totalMs: 1_500, maxBytes: 1024 };

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url!.includes('silent')) return; // accepts, and never answers
    if (request.url!.includes('drip')) {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      const timer = setInterval(() => response.write(' '), 200);
      response.on('close', () => clearInterval(timer));
      return;
    }
    if (request.url!.includes('endless')) {
      response.writeHead(200);
      response.end(Buffer.alloc(10_000, 0x20));
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"items":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('fetchLimited', () => {
  it.each([
    ['accepts and never answers', 'silent', 'first_byte'],
    ['sends a byte now and then, without end', 'drip', 'total'],
    ['answers with more than it may', 'endless', 'too_large'],
  ])('gives up on a server that %s', async (_, path, limit) => {
    await expect(fetchLimited(`${base}/${path}`, {}, limits)).rejects.toMatchObject({ limit });
  });

  it('reads an answer within its limits whole', async () => {
    const response = await fetchLimited(`${base}/ok`, {}, limits);
    expect(JSON.parse(response.text())).toEqual({ items: [] });
  });

  it('still stops when the caller cancels', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('avbruten')), 100);
    const error = await fetchLimited(`${base}/silent`, {}, { ...limits, firstByteMs: 60_000, totalMs: 60_000 }, controller.signal).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(HttpLimitError);
  });
});

describe('the Platina client and its API check', () => {
  const client = (path: string) => new PlatinaClient(`${base}/${path}`, async () => 'token', '', { api: limits, upload: limits });

  it('says Platina is not answering, in its own words, where it hangs or drips', async () => {
    for (const path of ['silent', 'drip']) await expect(client(path).diaries()).rejects.toMatchObject({ code: 'unreachable', params: { what: 'timeout' } });
  });

  it('treats an OpenAPI address that hangs as no document, within the limit', async () => {
    expect(await client('ok').openApi(`${base}/silent/swagger.json`)).toBeNull();
    expect(await client('ok').openApi(`${base}/drip/swagger.json`)).toBeNull();
  });

  it('reads hostile OpenAPI documents without exploding: a schema whose allOf refers to itself, null paths and content', () => {
    const selfish = { openapi: '3.0.1', paths: { '/api/v8.0/diaries/{id}/journalized-cases': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } },
      components: { schemas: { A: { allOf: Array.from({ length: 8 }, () => ({ $ref: '#/components/schemas/A' })) } } } };
    expect(compareWithOpenApi(selfish, 'per-round').length).toBeGreaterThan(0);
    expect(compareWithOpenApi({ paths: { '/api/v8.0/diaries': null } }, 'per-round').find((c) => c.id === 'diaries')).toMatchObject({ found: false });
    expect(compareWithOpenApi({ paths: { '/api/v8.0/diaries': { get: { responses: { 200: { content: { 'application/json': null } } } } } } }, 'per-round').length).toBeGreaterThan(0);
    expect(compareWithOpenApi({ paths: 'abc' }, 'existing').length).toBeGreaterThan(0);
  });
});
