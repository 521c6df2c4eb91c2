import { describe, expect, it } from 'vitest';
import { channelsOnPage } from '../../../src/main/register/website';
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
