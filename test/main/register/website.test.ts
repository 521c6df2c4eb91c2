import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { channelsOnPage, fetchListPage } from '../../../src/main/register/website';
import { PAGES } from '../../fixtures/site/pages';

describe('channels from the municipality\'s own list page', () => {
  it('proposes each account the page links to once, and no sharing button, platform page or link of the site itself', () => {
    const html = PAGES.socialamedier!(new URL('http://127.0.0.1/socialamedier'));
    const entries = channelsOnPage(html, new URL('https://www.umea.se/socialamedier'), 'Kommunikation');
    expect(entries.map((e) => e.value)).toEqual([
      { id: 'facebook-umeakommun', name: 'Umeå kommun på Facebook', platform: 'facebook', url: 'https://www.facebook.com/umeakommun', unit: 'Kommunikation', owners: [] },
      { id: 'instagram-umeakommun', name: 'Umeå kommun på Instagram', platform: 'instagram', url: 'https://www.instagram.com/umeakommun/', unit: 'Kommunikation', owners: [] },
      { id: 'linkedin-umea-kommun', name: 'Umeå kommun på LinkedIn', platform: 'linkedin', url: 'https://www.linkedin.com/company/umea-kommun/', unit: 'Kommunikation', owners: [] },
      // A link with only an image is named by its aria-label.
      { id: 'youtube-umeakommun', name: 'Umeå kommuns Youtubekanal', platform: 'youtube', url: 'https://www.youtube.com/@umeakommun', unit: 'Kommunikation', owners: [] },
      { id: 'facebook-kulturumea', name: 'Kultur i Umeå', platform: 'facebook', url: 'https://www.facebook.com/KulturUmea/', unit: 'Kommunikation', owners: [] },
      { id: 'bluesky-umea-se', name: 'Umeå på Bluesky', platform: 'bluesky', url: 'https://bsky.app/profile/umea.se', unit: 'Kommunikation', owners: [] },
    ]);
  });
});

describe('fetching the list page', () => {
  it('reads a page in the encoding it was saved in, says when it cannot be fetched, and stops at a page too large to be a list', async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/latin1') return res.end(Buffer.from('<a href="https://www.facebook.com/kulturen">Kulturen på Facebook</a>', 'latin1'));
      if (req.url === '/huge') {
        res.write('<p>');
        const more = () => (res.write('x'.repeat(1_000_000)) ? setTimeout(more, 1) : res.once('drain', more));
        return more();
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { html, page } = await fetchListPage(`${base}/latin1`);
      expect(channelsOnPage(html, page, 'Kultur').map((e) => (e.value as { name: string }).name)).toEqual(['Kulturen på Facebook']);
      await expect(fetchListPage(`${base}/missing`)).rejects.toMatchObject({ code: 'website_unreachable' });
      await expect(fetchListPage(`${base}/huge`)).rejects.toMatchObject({ code: 'invalid_arguments', message: expect.stringContaining('larger than 5 MB') });
      await expect(fetchListPage('http://127.0.0.1:1/')).rejects.toMatchObject({ code: 'website_unreachable' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
