import { Parser } from 'htmlparser2';
import { KanalarkivError } from '../../shared/errors';
import { platformOfUrl } from '../platforms';
import { parseHttpUrl, type RawEntry } from './channels';
import { decodeText } from './encoding';
import { fetchLimited, HttpLimitError, type HttpLimits, type LimitedResponse } from '../http';

/** A list page is a page of text: more than this is not one, and a site that takes longer is not answering. */
const LIMITS: HttpLimits = { firstByteMs: 20_000, totalMs: 20_000, maxBytes: 5_000_000 };

/** Links that are on a platform's host but are not an account: sharing buttons, the platform's own pages. */
const NOT_AN_ACCOUNT = /^\/(sharer|share|intent|home|login|signup|privacy|policy|legal|help|about|terms|hashtag|search|watch|embed|plugins|dialog)(\/|\.php|$)/i;

/** Every <a href> of a page with its text, resolved against the page's address. */
export function linksOf(html: string, page: URL): Array<{ url: URL; text: string }> {
  const links: Array<{ url: URL; text: string }> = [];
  let open: { url: URL | null; label: string; text: string } | null = null;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name !== 'a') return;
      const href = attributes.href;
      open = { url: href && URL.canParse(href, page) ? new URL(href, page) : null, label: attributes['aria-label'] ?? attributes.title ?? '', text: '' };
    },
    ontext(text) {
      if (open) open.text += text;
    },
    onclosetag(name) {
      if (name !== 'a' || !open) return;
      if (open.url) links.push({ url: open.url, text: open.text.replace(/\s+/g, ' ').trim() || open.label.trim() });
      open = null;
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return links;
}

/** The account's handle from its address: the first path segment (or YouTube's @name, LinkedIn's company/name). */
function handleOf(url: URL): string {
  const parts = url.pathname.split('/').filter(Boolean);
  const named = parts[0] === 'company' || parts[0] === 'school' || parts[0] === 'showcase' || parts[0] === 'channel' || parts[0] === 'c' || parts[0] === 'user' || parts[0] === 'profile' ? parts[1] : parts[0];
  return (named ?? url.hostname).replace(/^@/, '');
}

/**
 * The channels a municipality's own list page links to: every link to a known platform that names
 * an account, once each, proposed as register rows for `unit` (to be previewed like a file's rows).
 */
export function channelsOnPage(html: string, page: URL, unit: string): RawEntry[] {
  const seen = new Set<string>();
  const entries: RawEntry[] = [];
  for (const { url, text } of linksOf(html, page)) {
    const platform = platformOfUrl(url);
    if (platform === 'web' || !(parseHttpUrl(url.href) instanceof URL)) continue;
    if (url.pathname.replace(/\/+$/, '') === '' || NOT_AN_ACCOUNT.test(url.pathname)) continue;
    url.hash = '';
    const key = `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const handle = handleOf(url);
    const id = `${platform}-${handle}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
    entries.push({ label: `link ${entries.length + 1}`, value: { id, name: text || handle, platform, url: url.href, unit, owners: [] } });
  }
  return entries;
}

/** Fetches the list page at `address` (the municipality's own website); a failure says what to check. */
export async function fetchListPage(address: string): Promise<{ html: string; page: URL }> {
  const page = parseHttpUrl(address.includes('://') ? address : `https://${address}`);
  if (!(page instanceof URL)) throw new KanalarkivError('invalid_arguments', page.message);
  let response: LimitedResponse;
  try {
    response = await fetchLimited(page, { redirect: 'follow' }, LIMITS);
  } catch (error) {
    // Read no further than a list page can be: a page that goes on is not one.
    if (error instanceof HttpLimitError && error.limit === 'too_large') throw new KanalarkivError('invalid_arguments', `${page.href} is larger than ${LIMITS.maxBytes / 1_000_000} MB; give the address of the page that lists the accounts`);
    throw new KanalarkivError('website_unreachable', `could not fetch ${page.href} (${(error as Error).message})`);
  }
  if (!response.ok) throw new KanalarkivError('website_unreachable', `${page.href} answered ${response.status} ${response.statusText}`);
  return { html: decodeText(response.body).text, page: new URL(response.url || page.href) };
}
