import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { HandoverError } from '../errors';
import { API_LIMITS, fetchLimited, type LimitedResponse } from '../../http';

/** What signing in gives: kept encrypted, refreshed when the access token runs out. */
export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface OAuthConfig {
  /** The identity provider's issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0 */
  authority: string;
  clientId: string;
  /** The Platina API's scope. */
  scope: string;
  /** The loopback redirect registered for the app: host and path (the port is the one we get). */
  redirectHost: 'localhost' | '127.0.0.1';
  redirectPath: string;
}

const discovery = z.object({ authorization_endpoint: z.string().url(), token_endpoint: z.string().url() });
const tokenResponse = z.object({ access_token: z.string(), refresh_token: z.string().optional(), expires_in: z.coerce.number().optional() });

const base64url = (bytes: Buffer) => bytes.toString('base64url');

async function endpoints(authority: string): Promise<z.infer<typeof discovery>> {
  const url = `${authority.replace(/\/$/, '')}/.well-known/openid-configuration`;
  try {
    const response = await fetchLimited(url, {}, API_LIMITS);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return discovery.parse(JSON.parse(response.text()));
  } catch (error) {
    throw new HandoverError('unreachable', `Cannot read the identity provider's configuration at ${url} (${(error as Error).message}). Check "Authority" in Settings → Handover.`);
  }
}

/**
 * Signs the registrar in through the system browser: OAuth 2.0 authorisation code with PKCE
 * (RFC 7636) and a loopback redirect (RFC 8252 §7.3), so no secret lives in the app. The redirect is
 * http://localhost:<port> by default, what Entra registers for "Mobile and desktop applications" and
 * matches on any port; http://127.0.0.1 and a path can be set to match another registration.
 * `openBrowser` shows the provider's page; the promise settles when the browser comes back.
 */
export async function signIn(config: OAuthConfig, openBrowser: (url: string) => Promise<void>, signal?: AbortSignal): Promise<Tokens> {
  if (!config.authority || !config.clientId || !config.scope) throw new HandoverError('settings', 'Platina sign-in needs the authority, client id and scope from IT. Enter them in Settings → Handover (on the command line: --authority URL --client-id ID --scope SCOPE, or a token in KANALARKIV_PLATINA_TOKEN).', { what: 'platina_signin' });
  const { authorization_endpoint, token_endpoint } = await endpoints(config.authority);
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));

  let finish: (result: { code: string } | { error: string }) => void = () => undefined;
  const returned = new Promise<{ code: string } | { error: string }>((resolve) => (finish = resolve));
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== (config.redirectPath || '/')) {
      response.writeHead(404).end();
      return;
    }
    const ok = url.searchParams.get('state') === state && url.searchParams.has('code');
    response.writeHead(ok ? 200 : 400, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="sv"><meta charset="utf-8"><title>Kanalarkiv</title><p>${ok ? 'Du är inloggad i Platina. Du kan stänga den här fliken och gå tillbaka till Kanalarkiv.' : 'Inloggningen misslyckades. Gå tillbaka till Kanalarkiv och försök igen.'}</p></html>`);
    if (ok) finish({ code: url.searchParams.get('code')! });
    else finish({ error: url.searchParams.get('error_description') ?? url.searchParams.get('error') ?? 'the answer did not match the request' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  // "localhost" may be ::1 to the browser: listen there too, on the same port, where the machine has it.
  const ipv6 = config.redirectHost === 'localhost' ? await alsoOnIpv6(server, port) : null;
  const redirectUri = `http://${config.redirectHost}:${port}${config.redirectPath}`;
  const onAbort = () => finish({ error: 'cancelled' });
  signal?.addEventListener('abort', onAbort);
  try {
    const authorize = new URL(authorization_endpoint);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: config.clientId,
      redirect_uri: redirectUri,
      // offline_access for a refresh token; email because Platina requires the claim.
      scope: `${config.scope} openid email offline_access`,
      state,
      code_challenge: base64url(createHash('sha256').update(verifier).digest()),
      code_challenge_method: 'S256',
    }).toString();
    await openBrowser(authorize.toString());
    const result = await returned;
    if ('error' in result) {
      throw new HandoverError(result.error === 'cancelled' ? 'cancelled' : 'signed_out', result.error === 'cancelled' ? 'Sign-in was cancelled.' : `Sign-in failed: ${result.error}.`);
    }
    return await requestTokens(token_endpoint, { grant_type: 'authorization_code', code: result.code, redirect_uri: redirectUri, client_id: config.clientId, code_verifier: verifier });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    server.close();
    ipv6?.close();
  }
}

async function alsoOnIpv6(server: Server, port: number): Promise<Server | null> {
  const other = createServer((request, response) => server.emit('request', request, response));
  return new Promise((resolve) => {
    other.once('error', () => resolve(null));
    other.listen(port, '::1', () => resolve(other));
  });
}

/** A fresh access token from the refresh token; null when the provider no longer accepts it. */
export async function refreshTokens(config: OAuthConfig, tokens: Tokens): Promise<Tokens | null> {
  if (!tokens.refreshToken) return null;
  const { token_endpoint } = await endpoints(config.authority);
  try {
    const fresh = await requestTokens(token_endpoint, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken, client_id: config.clientId, scope: `${config.scope} openid email offline_access` });
    return { ...fresh, refreshToken: fresh.refreshToken ?? tokens.refreshToken };
  } catch (error) {
    if (error instanceof HandoverError && error.code === 'signed_out') return null;
    throw error;
  }
}

async function requestTokens(endpoint: string, form: Record<string, string>): Promise<Tokens> {
  let response: LimitedResponse;
  try {
    response = await fetchLimited(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) }, API_LIMITS);
  } catch (error) {
    throw new HandoverError('unreachable', `Cannot reach the identity provider (${(error as Error).message}).`);
  }
  const body = (parseJsonObject(response.text()) ?? {}) as Record<string, unknown>;
  if (!response.ok) throw new HandoverError('signed_out', `The identity provider refused the sign-in: ${String(body.error_description ?? body.error ?? response.status)}. Sign in to Platina again.`);
  const parsed = tokenResponse.parse(body);
  return { accessToken: parsed.access_token, refreshToken: parsed.refresh_token ?? null, expiresAt: Date.now() + (parsed.expires_in ?? 3600) * 1000 };
}

/** Who a token is for, read from its claims (not verified here: Platina verifies it). Platina needs `email`. */
export function tokenUser(accessToken: string): { email: string | null; name: string | null } {
  try {
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
    return { email: text(claims.email), name: text(claims.name) ?? text(claims.preferred_username) };
  } catch {
    return { email: null, name: null };
  }
}

function parseJsonObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
